// Countries people in the register are born in, hold citizenship of, or move to (ISO 3166 alpha-2, Danish name).

export interface Country {
  code: string;
  name: string;
}

const table = `DK:Danmark;GL:Grønland;FO:Færøerne;SE:Sverige;NO:Norge;DE:Tyskland;PL:Polen;GB:Storbritannien;IS:Island;NL:Nederlandene;FR:Frankrig;ES:Spanien;IT:Italien;US:USA;CA:Canada;AU:Australien;TR:Tyrkiet;IQ:Irak;SY:Syrien;LB:Libanon;BA:Bosnien-Hercegovina;VN:Vietnam;PK:Pakistan;SO:Somalia;UA:Ukraine;RO:Rumænien;TH:Thailand;CH:Schweiz;BE:Belgien;SG:Singapore`;

export const countries: readonly Country[] = table.split(';').map((entry) => {
  const [code = '', name = ''] = entry.split(':');
  return { code, name };
});

const byCode = new Map(countries.map((c) => [c.code, c]));

export function countryName(code: string): string | undefined {
  return byCode.get(code)?.name;
}
