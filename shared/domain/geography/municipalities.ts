// The 98 Danish municipalities since the 2007 reform, and the 5 Greenlandic ones (2009 reform, 2018 split),
// with the municipality codes the CPR register uses.

export interface Municipality {
  /** Four digits, e.g. '0751'. */
  code: string;
  name: string;
  country: 'DK' | 'GL';
  /** Other names people use for it today (spelling variants, the form with "Kommune"). */
  aliases: readonly string[];
}

// code|name|aliases separated by ';'
const danish = `0101|København|Københavns Kommune;Copenhagen
0147|Frederiksberg|
0151|Ballerup|
0153|Brøndby|
0155|Dragør|
0157|Gentofte|
0159|Gladsaxe|
0161|Glostrup|
0163|Herlev|
0165|Albertslund|
0167|Hvidovre|
0169|Høje-Taastrup|Høje Taastrup
0173|Lyngby-Taarbæk|Lyngby
0175|Rødovre|
0183|Ishøj|
0185|Tårnby|
0187|Vallensbæk|
0190|Furesø|
0201|Allerød|
0210|Fredensborg|
0217|Helsingør|
0219|Hillerød|
0223|Hørsholm|
0230|Rudersdal|
0240|Egedal|
0250|Frederikssund|
0253|Greve|
0259|Køge|
0260|Halsnæs|
0265|Roskilde|
0269|Solrød|
0270|Gribskov|
0306|Odsherred|
0316|Holbæk|
0320|Faxe|
0326|Kalundborg|
0329|Ringsted|
0330|Slagelse|
0336|Stevns|
0340|Sorø|
0350|Lejre|
0360|Lolland|
0370|Næstved|
0376|Guldborgsund|
0390|Vordingborg|
0400|Bornholm|Bornholms Regionskommune
0410|Middelfart|
0420|Assens|
0430|Faaborg-Midtfyn|
0440|Kerteminde|
0450|Nyborg|
0461|Odense|
0479|Svendborg|
0480|Nordfyns|Nordfyn
0482|Langeland|
0492|Ærø|
0510|Haderslev|
0530|Billund|
0540|Sønderborg|
0550|Tønder|
0561|Esbjerg|
0563|Fanø|
0573|Varde|
0575|Vejen|
0580|Aabenraa|Åbenrå
0607|Fredericia|
0615|Horsens|
0621|Kolding|
0630|Vejle|
0657|Herning|
0661|Holstebro|
0665|Lemvig|
0671|Struer|
0706|Syddjurs|
0707|Norddjurs|
0710|Favrskov|
0727|Odder|
0730|Randers|
0740|Silkeborg|
0741|Samsø|
0746|Skanderborg|
0751|Aarhus|Århus
0756|Ikast-Brande|
0760|Ringkøbing-Skjern|
0766|Hedensted|
0773|Morsø|Mors
0779|Skive|
0787|Thisted|
0791|Viborg|
0810|Brønderslev|
0813|Frederikshavn|
0820|Vesthimmerlands|Vesthimmerland
0825|Læsø|
0840|Rebild|
0846|Mariagerfjord|
0849|Jammerbugt|
0851|Aalborg|Ålborg
0860|Hjørring|`;

const greenlandic = `0955|Kommune Kujalleq|Kujalleq
0956|Kommuneqarfik Sermersooq|Sermersooq
0957|Qeqqata Kommunia|Qeqqata
0959|Kommune Qeqertalik|Qeqertalik
0960|Avannaata Kommunia|Avannaata`;

function parse(table: string, country: 'DK' | 'GL'): Municipality[] {
  return table.split('\n').map((line) => {
    const [code = '', name = '', aliases = ''] = line.split('|');
    return { code, name, country, aliases: aliases ? aliases.split(';') : [] };
  });
}

export const danishMunicipalities: readonly Municipality[] = parse(danish, 'DK');
export const greenlandicMunicipalities: readonly Municipality[] = parse(greenlandic, 'GL');
export const municipalities: readonly Municipality[] = [...danishMunicipalities, ...greenlandicMunicipalities];

const byCode = new Map(municipalities.map((m) => [m.code, m]));

export function municipalityByCode(code: string): Municipality | undefined {
  return byCode.get(code);
}

/** The day each reform took effect: before it, the old municipality's name applies. */
export const reformDate = { DK: '2007-01-01', GL: '2009-01-01' } as const;

/**
 * Earlier names of a post-reform municipality, oldest first: Århus became Aarhus on 1 January 2011;
 * Qeqertalik and Avannaata were one municipality, Qaasuitsup, until 2018.
 */
export const renamedMunicipalities: Readonly<Record<string, readonly { name: string; until: string }[]>> = {
  '0751': [{ name: 'Århus', until: '2011-01-01' }],
  '0959': [{ name: 'Qaasuitsup Kommunia', until: '2018-01-01' }],
  '0960': [{ name: 'Qaasuitsup Kommunia', until: '2018-01-01' }],
};
