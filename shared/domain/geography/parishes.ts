// Parishes (sogne) used as places of birth, each with the municipality it lies in today.

export interface Parish {
  name: string;
  municipalityCode: string;
}

// municipality code: parishes separated by ';'
const table = `0101:Vor Frue Sogn;Holmens Sogn;Sankt Pauls Sogn;Sankt Johannes Sogn;Vor Frelsers Sogn;Brønshøj Sogn;Valby Sogn;Sundby Sogn;Bispebjerg Sogn;Husum Sogn
0147:Frederiksberg Sogn;Sankt Thomas Sogn;Godthaabs Sogn
0157:Gentofte Sogn;Hellerup Sogn;Ordrup Sogn
0159:Gladsaxe Sogn;Søborg Sogn
0173:Lyngby Sogn
0230:Søllerød Sogn;Birkerød Sogn
0217:Sankt Olai Sogn
0219:Hillerød Sogn
0265:Roskilde Domsogn
0259:Køge Sankt Nicolai Sogn
0316:Holbæk Sankt Nikolai Sogn
0326:Kalundborg Vor Frue Sogn
0329:Ringsted Sogn
0330:Slagelse Sankt Mikkels Sogn
0360:Nakskov Sogn;Maribo Domsogn
0370:Næstved Sankt Peders Sogn
0376:Nykøbing Falster Sogn
0390:Vordingborg Sogn
0400:Rønne Sogn;Nexø Sogn
0410:Middelfart Sogn
0450:Nyborg Sogn
0461:Odense Sankt Knuds Sogn;Sankt Hans Sogn;Dalum Sogn
0479:Svendborg Vor Frue Sogn
0510:Haderslev Domsogn
0540:Sønderborg Sankt Marie Sogn
0550:Tønder Sogn
0561:Esbjerg Vor Frelsers Sogn;Ribe Domsogn
0580:Aabenraa Sogn
0607:Fredericia Trinitatis Sogn
0615:Horsens Vor Frelsers Sogn
0621:Kolding Sankt Nicolai Sogn
0630:Vejle Sankt Nicolai Sogn
0657:Herning Sogn
0661:Holstebro Sogn
0727:Odder Sogn
0730:Randers Sankt Mortens Sogn
0740:Silkeborg Sogn
0746:Skanderborg Sogn
0751:Aarhus Domsogn;Sankt Lukas Sogn;Åby Sogn;Viby Sogn;Skejby Sogn
0779:Skive Sogn
0787:Thisted Sogn
0791:Viborg Domsogn
0813:Frederikshavn Sogn;Skagen Sogn
0846:Hobro Sogn
0851:Budolfi Sogn;Nørresundby Sogn;Hasseris Sogn
0860:Hjørring Sankt Catharinæ Sogn
0955:Qaqortoq Sogn
0956:Nuuk Sogn
0957:Sisimiut Sogn
0960:Ilulissat Sogn`;

export const parishes: readonly Parish[] = table.split('\n').flatMap((line) => {
  const [municipalityCode = '', names = ''] = line.split(':');
  return names.split(';').map((name) => ({ name, municipalityCode }));
});

const byMunicipality = new Map<string, Parish[]>();
for (const p of parishes) byMunicipality.set(p.municipalityCode, [...(byMunicipality.get(p.municipalityCode) ?? []), p]);

export function parishesIn(municipalityCode: string): readonly Parish[] {
  return byMunicipality.get(municipalityCode) ?? [];
}
