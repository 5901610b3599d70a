// Street names (vejnavne) as they occur all over Denmark, plus well-known ones of Copenhagen and Aarhus.

const common = `Nørregade|Østergade|Vestergade|Søndergade|Algade|Adelgade|Bredgade|Storegade|Kirkegade|Skolegade|Torvegade|
Havnegade|Strandgade|Jernbanegade|Stationsvej|Banegårdsgade|Skovvej|Skovbrynet|Skovvænget|Engvej|Mosevej|
Markvej|Møllevej|Kirkevej|Skolevej|Bakkevej|Bakkedraget|Birkevej|Bøgevej|Egevej|Elmevej|Ahornvej|Lindevej|
Kastanievej|Hasselvej|Pilevej|Poppelvej|Granvej|Fyrrevej|Rosenvej|Liljevej|Violvej|Tulipanvej|Syrenvej|
Jasminvej|Valmuevej|Kløvervej|Solsikkevej|Hybenvej|Lærkevej|Drosselvej|Solsortvej|Mågevej|Svanevej|Ørnevej|
Falkevej|Duevej|Vibevej|Spurvevej|Stærevej|Parkvej|Parkallé|Villavej|Vænget|Toften|Agervej|Ageren|Marken|Engen|
Lunden|Lyngvej|Lyngbakken|Højvej|Højagervej|Bøgebakken|Egebakken|Birkebakken|Granbakken|Solbakken|Solvej|
Solhøjvej|Sølvgade|Guldregnvej|Lupinvej|Anemonevej|Margueritvej|Nellikevej|Fyrrebakken|Fuglebakken|Bavnevej|
Bavnehøj|Vesterled|Østerled|Nørreled|Sønderled|Landevejen|Hovedgaden|Bygaden|Byvejen|Kongevejen|
Dronningensgade|Prinsensgade|Kongensgade|Frederiksgade|Christiansgade|Valdemarsgade|Absalonsgade|
Tordenskjoldsgade|Grundtvigsvej|Ingemannsvej|Oehlenschlægersgade|Holbergsgade|Blichersvej|Aakjærsvej|
Dalgasgade|Vindegade|Overgade|Nedergade|Klostergade|Brogade|Slotsgade|Borgergade|Tværgade|Gasværksvej|
Fabriksvej|Industrivej|Værkstedsvej|Håndværkervej|Mejerivej|Teglværksvej|Savværksvej|Kalkværksvej|Sandvej|
Klitvej|Havvej|Strandstien|Fjordvej|Fjordgade|Bugten|Næsset|Odden|Lodsvej|Fyrvej|Åvej|Ådalen|Åparken|Bækvej|
Bækkedalen|Kildevej|Kildebakken|Brøndvej|Søvej|Søbakken|Søparken|Mølledammen|Damvej|Skovbakken|Skovsvinget|
Skovstien|Skovgårdsvej|Lindegårdsvej|Østergårdsvej|Vestergårdsvej|Nørregårdsvej|Søndergårdsvej|Bakkegårdsvej|
Toftevej|Tofteparken|Holmevej|Holmen|Hegnet|Hegnsvej|Gærdet|Vangen|Vangevej|Humlevej|Hørvej|Rugvej|Havrevej|
Bygvej|Hvedevej|Kornvej|Tjørnevej|Slåenvej|Hyldevej|Rønnebærvej|Ribsvej|Solbærvej|Hindbærvej|Jordbærvej|
Æblevej|Pærevej|Blommevej|Kirsebærvej|Valnøddevej|Æblehaven|Frugthaven|Rosenhaven|Kirkebakken|Kirkestien|
Præstevej|Præstegårdsvej|Degnevej|Klokkervej|Smedevej|Smedegade|Bagervej|Møllegade|Møllebakken|Vandværksvej|
Sportsvej|Idrætsvej|Stadion Allé|Hallevej|Rådhusvej|Rådhusstræde|Torvet|Lille Torv|Store Torv|Gammel Torv|
Nytorv|Grønnegade|Grønningen|Hestehaven|Kohavevej|Fåreager|Stutterivej|Ridebanen|Jagtvej|Jægervej|Skyttevej|
Skyttegade|Voldgade|Ravelinen|Bastionen|Kastelsvej|Borgvej|Slotsvej|Herregårdsvej|Ladegårdsvej|Avlsgårdsvej|
Nørre Allé|Søndre Allé|Vestre Allé|Østre Allé|Gammel Landevej|Nørre Boulevard|Sønder Boulevard|Vester Allé|
Øster Allé|Kirke Allé|Skole Allé|Allégade|Tingvej|Tinghusvej|Postvej|Telegrafvej|Toldbodgade|Toldbodvej|
Havnevej|Havnepladsen|Kajgade|Skibbroen|Sluseholmen|Strandvejen|Strandboulevarden|Strandparken|Strandhaven`;

const copenhagen = `H.C. Andersens Boulevard|H.C. Ørsteds Vej|Åboulevard|Søndre Fasanvej|Nordre Fasanvej|Gammel Kongevej|Vesterbrogade|Nørrebrogade|Østerbrogade|Amagerbrogade|Istedgade|Enghavevej|Frederiksberg Allé|Falkoner Allé|Godthåbsvej|Peter Bangs Vej|Roskildevej|Valby Langgade|Toftegårds Allé|Frederikssundsvej|Tagensvej|Lyngbyvej|Nordre Frihavnsgade|Classensgade|Kronprinsessegade|Store Kongensgade|Amaliegade|Gothersgade|Vendersgade|Nansensgade|Ryesgade|Blegdamsvej|Sankt Hans Gade|Elmegade|Griffenfeldsgade|Hillerødgade|Mimersgade|Rantzausgade|Guldbergsgade|Fælledvej|Halmtorvet|Dybbølsgade|Amager Boulevard|Holmbladsgade|Englandsvej|Sundholmsvej|Italiensvej|Njalsgade|Artillerivej|Islands Brygge|Vesterbros Torv|Sankt Thomas Allé|Kingosgade|Værnedamsvej|Platanvej|Svanholmsvej|Howitzvej|Nyelandsvej|Finsensvej|Ålholmvej|Grøndals Parkvej|Jyllingevej|Slotsherrensvej|Bellahøjvej|Tomsgårdsvej|Rovsingsgade|Bispebjerg Bakke|Frederiksborgvej|Strandlodsvej|Øresundsvej|Kastrupvej|Røde Mellemvej|Gammel Køge Landevej|Vigerslev Allé|Carl Jacobsens Vej|Kongens Nytorv|Nyhavn|Kompagnistræde|Strøget|Fiolstræde|Købmagergade|Landemærket|Åbenrå|Krystalgade|Nørre Voldgade|Vester Voldgade|Studiestræde|Vestergade|Larsbjørnsstræde|Sølvgade|Øster Farimagsgade|Nørre Farimagsgade|Kristianiagade|Willemoesgade|Nordre Fasanvej|Grundtvigsvej|Bülowsvej|Thorvaldsensvej|Madvigs Allé|Worsaaesvej|Julius Thomsens Gade`;

const aarhus = `Frederiks Allé|Park Allé|Clemens Torv|Mejlgade|Guldsmedgade|Nørre Allé|Randersvej|Viborgvej|Silkeborgvej|Jyllands Allé|Marselis Boulevard|Trøjborgvej|Ingerslevs Boulevard|Jægergårdsgade|Frederiksbjerg Torv|Bruunsgade|Thorvaldsensgade|Grenåvej|Vejlby Centervej|Tangkrogen|Paludan-Müllers Vej|Niels Juels Gade|Fredensgade|Vesterport|Kystvejen|Hans Broges Gade|Sønder Allé|M.P. Bruuns Gade|Nordre Ringgade|Skovvejen|Dalgas Avenue|Holmevej|Oddervej|Åhavevej|Ny Munkegade|Kannikegade|Rosensgade|Klostergade|Badstuegade|Paradisgade`;

const odense = `Kongensgade|Vestergade|Thomas B. Thriges Gade|Overgade|Nørregade|Kochsgade|Hjallesevej|Munkerisvej|Sdr. Boulevard|Dalumvej|Middelfartvej|Rugårdsvej|Skibhusvej|Ejbygade|Hunderupvej|Tarup Centret|Bolbrovej|Niels Bohrs Allé|Campusvej|Vindegade`;

/** Distinct street names, common ones first, for the generator to draw from. */
export const streetNames: readonly string[] = [
  ...new Set([...common.replace(/\n/g, '').split('|'), ...copenhagen.split('|'), ...aarhus.split('|'), ...odense.split('|')]),
];
