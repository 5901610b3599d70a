// Real Danish and Greenlandic postcodes with their postal town (postnrnavn), the 2007- municipality
// that holds most of the postcode, and the pre-reform municipality it lay in. A postcode that spans
// municipalities is tied to its main one: good enough for a synthetic register.

export interface Postcode {
  code: string;
  town: string;
  municipalityCode: string;
  /** The municipality before the reform (Denmark 2007, Greenland 2009). */
  oldMunicipality: string;
  country: 'DK' | 'GL';
}

// postcode|town|municipality code|old municipality
const table = `1050|København K|0101|København
1100|København K|0101|København
1150|København K|0101|København
1165|København K|0101|København
1200|København K|0101|København
1250|København K|0101|København
1300|København K|0101|København
1350|København K|0101|København
1360|København K|0101|København
1400|København K|0101|København
1434|København K|0101|København
1450|København K|0101|København
1550|København V|0101|København
1560|København V|0101|København
1620|København V|0101|København
1650|København V|0101|København
1660|København V|0101|København
1670|København V|0101|København
1700|København V|0101|København
1750|København V|0101|København
1799|København V|0101|København
1820|Frederiksberg C|0147|Frederiksberg
1850|Frederiksberg C|0147|Frederiksberg
1870|Frederiksberg C|0147|Frederiksberg
1900|Frederiksberg C|0147|Frederiksberg
1950|Frederiksberg C|0147|Frederiksberg
2000|Frederiksberg|0147|Frederiksberg
2100|København Ø|0101|København
2150|Nordhavn|0101|København
2200|København N|0101|København
2300|København S|0101|København
2400|København NV|0101|København
2450|København SV|0101|København
2500|Valby|0101|København
2600|Glostrup|0161|Glostrup
2605|Brøndby|0153|Brøndby
2610|Rødovre|0175|Rødovre
2620|Albertslund|0165|Albertslund
2625|Vallensbæk|0187|Vallensbæk
2630|Taastrup|0169|Høje-Taastrup
2635|Ishøj|0183|Ishøj
2640|Hedehusene|0169|Høje-Taastrup
2650|Hvidovre|0167|Hvidovre
2660|Brøndby Strand|0153|Brøndby
2665|Vallensbæk Strand|0187|Vallensbæk
2670|Greve|0253|Greve
2680|Solrød Strand|0269|Solrød
2690|Karlslunde|0253|Greve
2700|Brønshøj|0101|København
2720|Vanløse|0101|København
2730|Herlev|0163|Herlev
2740|Skovlunde|0151|Ballerup
2750|Ballerup|0151|Ballerup
2760|Måløv|0151|Ballerup
2765|Smørum|0240|Ledøje-Smørum
2770|Kastrup|0185|Tårnby
2791|Dragør|0155|Dragør
2800|Kongens Lyngby|0173|Lyngby-Taarbæk
2820|Gentofte|0157|Gentofte
2830|Virum|0173|Lyngby-Taarbæk
2840|Holte|0230|Søllerød
2850|Nærum|0230|Søllerød
2860|Søborg|0159|Gladsaxe
2870|Dyssegård|0157|Gentofte
2880|Bagsværd|0159|Gladsaxe
2900|Hellerup|0157|Gentofte
2920|Charlottenlund|0157|Gentofte
2930|Klampenborg|0157|Gentofte
2942|Skodsborg|0230|Søllerød
2950|Vedbæk|0230|Søllerød
2960|Rungsted Kyst|0223|Hørsholm
2970|Hørsholm|0223|Hørsholm
2980|Kokkedal|0210|Karlebo
2990|Nivå|0210|Karlebo
3000|Helsingør|0217|Helsingør
3050|Humlebæk|0210|Fredensborg-Humlebæk
3060|Espergærde|0217|Helsingør
3070|Snekkersten|0217|Helsingør
3100|Hornbæk|0217|Helsingør
3120|Dronningmølle|0270|Græsted-Gilleleje
3140|Ålsgårde|0217|Helsingør
3200|Helsinge|0270|Helsinge
3210|Vejby|0270|Helsinge
3220|Tisvildeleje|0270|Helsinge
3230|Græsted|0270|Græsted-Gilleleje
3250|Gilleleje|0270|Græsted-Gilleleje
3300|Frederiksværk|0260|Frederiksværk
3310|Ølsted|0260|Frederiksværk
3320|Skævinge|0219|Skævinge
3360|Liseleje|0260|Frederiksværk
3390|Hundested|0260|Hundested
3400|Hillerød|0219|Hillerød
3450|Allerød|0201|Allerød
3460|Birkerød|0230|Birkerød
3480|Fredensborg|0210|Fredensborg-Humlebæk
3490|Kvistgård|0217|Helsingør
3500|Værløse|0190|Værløse
3520|Farum|0190|Farum
3540|Lynge|0201|Allerød
3550|Slangerup|0250|Slangerup
3600|Frederikssund|0250|Frederikssund
3630|Jægerspris|0250|Jægerspris
3650|Ølstykke|0240|Ølstykke
3660|Stenløse|0240|Stenløse
3700|Rønne|0400|Bornholms Regionskommune
3720|Aakirkeby|0400|Bornholms Regionskommune
3730|Nexø|0400|Bornholms Regionskommune
3740|Svaneke|0400|Bornholms Regionskommune
3760|Gudhjem|0400|Bornholms Regionskommune
3770|Allinge|0400|Bornholms Regionskommune
4000|Roskilde|0265|Roskilde
4030|Tune|0253|Greve
4040|Jyllinge|0265|Gundsø
4050|Skibby|0250|Skibby
4100|Ringsted|0329|Ringsted
4130|Viby Sjælland|0265|Ramsø
4140|Borup|0259|Skovbo
4171|Glumsø|0370|Suså
4180|Sorø|0340|Sorø
4200|Slagelse|0330|Slagelse
4220|Korsør|0330|Korsør
4230|Skælskør|0330|Skælskør
4241|Vemmelev|0330|Hashøj
4250|Fuglebjerg|0370|Fuglebjerg
4270|Høng|0326|Høng
4281|Gørlev|0326|Gørlev
4293|Dianalund|0340|Dianalund
4295|Stenlille|0340|Stenlille
4300|Holbæk|0316|Holbæk
4320|Lejre|0350|Lejre
4330|Hvalsø|0350|Hvalsø
4340|Tølløse|0316|Tølløse
4390|Vipperød|0316|Holbæk
4400|Kalundborg|0326|Kalundborg
4450|Jyderup|0316|Tornved
4520|Svinninge|0316|Svinninge
4500|Nykøbing Sj|0306|Nykøbing-Rørvig
4540|Fårevejle|0306|Dragsholm
4550|Asnæs|0306|Dragsholm
4560|Vig|0306|Trundholm
4581|Rørvig|0306|Nykøbing-Rørvig
4600|Køge|0259|Køge
4622|Havdrup|0269|Solrød
4640|Faxe|0320|Faxe
4654|Faxe Ladeplads|0320|Faxe
4660|Store Heddinge|0336|Stevns
4673|Rødvig Stevns|0336|Stevns
4683|Rønnede|0320|Rønnede
4684|Holmegaard|0370|Holmegaard
4690|Haslev|0320|Haslev
4700|Næstved|0370|Næstved
4720|Præstø|0390|Præstø
4736|Karrebæksminde|0370|Næstved
4760|Vordingborg|0390|Vordingborg
4772|Langebæk|0390|Langebæk
4780|Stege|0390|Møn
4800|Nykøbing F|0376|Nykøbing Falster
4840|Nørre Alslev|0376|Nørre Alslev
4850|Stubbekøbing|0376|Stubbekøbing
4874|Gedser|0376|Sydfalster
4880|Nysted|0376|Nysted
4900|Nakskov|0360|Nakskov
4930|Maribo|0360|Maribo
4960|Holeby|0360|Holeby
4970|Rødby|0360|Rødby
4990|Sakskøbing|0376|Sakskøbing
5000|Odense C|0461|Odense
5200|Odense V|0461|Odense
5210|Odense NV|0461|Odense
5220|Odense SØ|0461|Odense
5230|Odense M|0461|Odense
5240|Odense NØ|0461|Odense
5250|Odense SV|0461|Odense
5260|Odense S|0461|Odense
5270|Odense N|0461|Odense
5300|Kerteminde|0440|Kerteminde
5330|Munkebo|0440|Munkebo
5400|Bogense|0480|Bogense
5450|Otterup|0480|Otterup
5471|Søndersø|0480|Søndersø
5492|Vissenbjerg|0420|Vissenbjerg
5500|Middelfart|0410|Middelfart
5540|Ullerslev|0450|Ullerslev
5550|Langeskov|0440|Langeskov
5560|Aarup|0420|Aarup
5580|Nørre Aaby|0410|Nørre Aaby
5592|Ejby|0410|Ejby
5600|Faaborg|0430|Faaborg
5610|Assens|0420|Assens
5620|Glamsbjerg|0420|Glamsbjerg
5672|Broby|0430|Broby
5683|Haarby|0420|Haarby
5690|Tommerup|0420|Tommerup
5700|Svendborg|0479|Svendborg
5750|Ringe|0430|Ringe
5792|Årslev|0430|Årslev
5800|Nyborg|0450|Nyborg
5853|Ørbæk|0450|Ørbæk
5856|Ryslinge|0430|Ryslinge
5884|Gudme|0479|Gudme
5900|Rudkøbing|0482|Rudkøbing
5953|Tranekær|0482|Tranekær
5960|Marstal|0492|Marstal
5970|Ærøskøbing|0492|Ærøskøbing
6000|Kolding|0621|Kolding
6040|Egtved|0630|Egtved
6070|Christiansfeld|0621|Christiansfeld
6100|Haderslev|0510|Haderslev
6200|Aabenraa|0580|Aabenraa
6230|Rødekro|0580|Rødekro
6240|Løgumkloster|0550|Løgumkloster
6261|Bredebro|0550|Bredebro
6270|Tønder|0550|Tønder
6280|Højer|0550|Højer
6300|Gråsten|0540|Gråsten
6310|Broager|0540|Broager
6330|Padborg|0580|Bov
6360|Tinglev|0580|Tinglev
6400|Sønderborg|0540|Sønderborg
6430|Nordborg|0540|Nordborg
6440|Augustenborg|0540|Augustenborg
6470|Sydals|0540|Sydals
6500|Vojens|0510|Vojens
6510|Gram|0510|Gram
6580|Vamdrup|0621|Vamdrup
6600|Vejen|0575|Vejen
6630|Rødding|0575|Rødding
6640|Lunderskov|0621|Lunderskov
6650|Brørup|0575|Brørup
6670|Holsted|0575|Holsted
6700|Esbjerg|0561|Esbjerg
6705|Esbjerg Ø|0561|Esbjerg
6710|Esbjerg V|0561|Esbjerg
6715|Esbjerg N|0561|Esbjerg
6720|Fanø|0563|Fanø
6740|Bramming|0561|Bramming
6760|Ribe|0561|Ribe
6780|Skærbæk|0550|Skærbæk
6800|Varde|0573|Varde
6840|Oksbøl|0573|Blåvandshuk
6857|Blåvand|0573|Blåvandshuk
6870|Ølgod|0573|Ølgod
6880|Tarm|0760|Egvad
6900|Skjern|0760|Skjern
6920|Videbæk|0760|Videbæk
6950|Ringkøbing|0760|Ringkøbing
6960|Hvide Sande|0760|Holmsland
7000|Fredericia|0607|Fredericia
7080|Børkop|0630|Børkop
7100|Vejle|0630|Vejle
7120|Vejle Øst|0630|Vejle
7130|Juelsminde|0766|Juelsminde
7160|Tørring|0766|Tørring-Uldum
7190|Billund|0530|Billund
7200|Grindsted|0530|Grindsted
7300|Jelling|0630|Jelling
7323|Give|0630|Give
7330|Brande|0756|Brande
7400|Herning|0657|Herning
7430|Ikast|0756|Ikast
7490|Aulum|0657|Aulum-Haderup
7500|Holstebro|0661|Holstebro
7600|Struer|0671|Struer
7620|Lemvig|0665|Lemvig
7680|Thyborøn|0665|Thyborøn-Harboøre
7700|Thisted|0787|Thisted
7730|Hanstholm|0787|Hanstholm
7760|Hurup Thy|0787|Sydthy
7790|Thyholm|0671|Thyholm
7800|Skive|0779|Skive
7830|Vinderup|0661|Vinderup
7860|Spøttrup|0779|Spøttrup
7900|Nykøbing M|0773|Morsø
8000|Aarhus C|0751|Århus
8200|Aarhus N|0751|Århus
8210|Aarhus V|0751|Århus
8220|Brabrand|0751|Århus
8230|Åbyhøj|0751|Århus
8240|Risskov|0751|Århus
8250|Egå|0751|Århus
8260|Viby J|0751|Århus
8270|Højbjerg|0751|Århus
8300|Odder|0727|Odder
8305|Samsø|0741|Samsø
8310|Tranbjerg J|0751|Århus
8320|Mårslet|0751|Århus
8330|Beder|0751|Århus
8340|Malling|0751|Århus
8355|Solbjerg|0751|Århus
8362|Hørning|0746|Hørning
8370|Hadsten|0710|Hadsten
8380|Trige|0751|Århus
8381|Tilst|0751|Århus
8382|Hinnerup|0710|Hinnerup
8400|Ebeltoft|0706|Ebeltoft
8410|Rønde|0706|Rønde
8450|Hammel|0710|Hammel
8464|Galten|0746|Galten
8500|Grenaa|0707|Grenaa
8520|Lystrup|0751|Århus
8530|Hjortshøj|0751|Århus
8541|Skødstrup|0751|Århus
8543|Hornslet|0706|Rosenholm
8550|Ryomgård|0706|Midtdjurs
8600|Silkeborg|0740|Silkeborg
8620|Kjellerup|0740|Kjellerup
8653|Them|0740|Them
8660|Skanderborg|0746|Skanderborg
8680|Ry|0746|Ry
8700|Horsens|0615|Horsens
8722|Hedensted|0766|Hedensted
8740|Brædstrup|0615|Brædstrup
8751|Gedved|0615|Gedved
8766|Nørre Snede|0756|Nørre-Snede
8800|Viborg|0791|Viborg
8830|Tjele|0791|Tjele
8850|Bjerringbro|0791|Bjerringbro
8870|Langå|0730|Langå
8883|Gjern|0740|Gjern
8900|Randers C|0730|Randers
8920|Randers NV|0730|Randers
8930|Randers NØ|0730|Randers
8940|Randers SV|0730|Randers
8960|Randers SØ|0730|Randers
9000|Aalborg|0851|Aalborg
9200|Aalborg SV|0851|Aalborg
9210|Aalborg SØ|0851|Aalborg
9220|Aalborg Øst|0851|Aalborg
9240|Nibe|0851|Nibe
9260|Gistrup|0851|Aalborg
9300|Sæby|0813|Sæby
9330|Dronninglund|0810|Dronninglund
9370|Hals|0851|Hals
9400|Nørresundby|0851|Aalborg
9440|Aabybro|0849|Aabybro
9460|Brovst|0849|Brovst
9480|Løkken|0860|Løkken-Vrå
9490|Pandrup|0849|Pandrup
9500|Hobro|0846|Hobro
9520|Skørping|0840|Skørping
9530|Støvring|0840|Støvring
9550|Mariager|0846|Mariager
9560|Hadsund|0846|Hadsund
9600|Aars|0820|Aars
9610|Nørager|0840|Nørager
9620|Aalestrup|0820|Aalestrup
9640|Farsø|0820|Farsø
9670|Løgstør|0820|Løgstør
9690|Fjerritslev|0849|Fjerritslev
9700|Brønderslev|0810|Brønderslev
9800|Hjørring|0860|Hjørring
9850|Hirtshals|0860|Hirtshals
9870|Sindal|0860|Sindal
9900|Frederikshavn|0813|Frederikshavn
9940|Læsø|0825|Læsø
9990|Skagen|0813|Skagen`;

// Greenland: the old municipality is the town's own (each town was a municipality until 2009).
const greenland = `3900|Nuuk|0956|Nuuk
3905|Nuussuaq|0956|Nuuk
3910|Kangerlussuaq|0957|Sisimiut
3911|Sisimiut|0957|Sisimiut
3912|Maniitsoq|0957|Maniitsoq
3913|Tasiilaq|0956|Tasiilaq
3915|Kulusuk|0956|Tasiilaq
3919|Alluitsup Paa|0955|Nanortalik
3920|Qaqortoq|0955|Qaqortoq
3921|Narsaq|0955|Narsaq
3922|Nanortalik|0955|Nanortalik
3930|Kangilinnguit|0955|Qaqortoq
3940|Paamiut|0956|Paamiut
3950|Aasiaat|0959|Aasiaat
3951|Qasigiannguit|0959|Aasiaat
3952|Ilulissat|0960|Ilulissat
3955|Kangaatsiaq|0959|Kangaatsiaq
3961|Uummannaq|0960|Uummannaq
3962|Upernavik|0960|Upernavik
3971|Qaanaaq|0960|Qaanaaq
3980|Ittoqqortoormiit|0956|Ittoqqortoormiit`;

function parse(rows: string, country: 'DK' | 'GL'): Postcode[] {
  return rows.split('\n').map((line) => {
    const [code = '', town = '', municipalityCode = '', oldMunicipality = ''] = line.split('|');
    return { code, town, municipalityCode, oldMunicipality, country };
  });
}

export const danishPostcodes: readonly Postcode[] = parse(table, 'DK');
export const greenlandicPostcodes: readonly Postcode[] = parse(greenland, 'GL');
export const postcodes: readonly Postcode[] = [...danishPostcodes, ...greenlandicPostcodes];

const byCode = new Map(postcodes.map((p) => [p.code, p]));

export function postcodeByCode(code: string): Postcode | undefined {
  return byCode.get(code);
}
