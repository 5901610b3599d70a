// The one query the Datafordeler adapter sends, and the shape of its answer as the adapter reads it.
// Field names follow the CPR service's public client code (Danish names, each list entry with status
// aktuel/historisk/annulleret/rettet and virkningFra/virkningTil); adjust here if the service's schema
// names a field differently.
export const personQuery = `query Person($pnr: String!, $asOf: String!) {
  CPR_Person(personnummer: $pnr, virkningstid: $asOf) {
    nodes {
      personnummer foedselsdato koen status statusVirkningFra
      Navne { fornavne mellemnavn efternavn status virkningFra virkningTil }
      Adresser {
        status virkningFra virkningTil virkningFraUsikker virkningTilUsikker
        CprAdresse { vejadresseringsnavn husnummer etage sidedoer postnummer postdistrikt kommunekode }
        Udland { landekode }
      }
      Civilstande { civilstandstype status virkningFra aegtefaellePersonnummer }
      Foraeldre { relationstype personnummer status }
      Boern { personnummer status }
      Beskyttelser { beskyttelsestype status virkningFra virkningTil }
      Foedested { type navn }
      Statsborgerskaber { landekode status }
      Folkekirkeforhold { tilhoerer }
    }
  }
}`;

type Entry = { status?: string | null; virkningFra?: string | null; virkningTil?: string | null };

export interface DfPerson {
  personnummer: string;
  foedselsdato?: string | null;
  koen?: 'M' | 'K' | null;
  status?: string | null;
  statusVirkningFra?: string | null;
  Navne?: (Entry & { fornavne?: string | null; mellemnavn?: string | null; efternavn?: string | null })[] | null;
  Adresser?:
    | (Entry & {
        virkningFraUsikker?: boolean | null;
        virkningTilUsikker?: boolean | null;
        CprAdresse?: {
          vejadresseringsnavn?: string | null;
          husnummer?: string | null;
          etage?: string | null;
          sidedoer?: string | null;
          postnummer?: string | null;
          postdistrikt?: string | null;
          kommunekode?: string | null;
        } | null;
        Udland?: { landekode?: string | null } | null;
      })[]
    | null;
  Civilstande?: (Entry & { civilstandstype?: string | null; aegtefaellePersonnummer?: string | null })[] | null;
  Foraeldre?: { relationstype?: string | null; personnummer?: string | null; status?: string | null }[] | null;
  Boern?: { personnummer?: string | null; status?: string | null }[] | null;
  Beskyttelser?: (Entry & { beskyttelsestype?: string | null })[] | null;
  Foedested?: { type?: 'sogn' | 'land' | null; navn?: string | null } | null;
  Statsborgerskaber?: { landekode?: string | null; status?: string | null }[] | null;
  Folkekirkeforhold?: { tilhoerer?: boolean | null } | null;
}

export interface PersonQueryResult {
  CPR_Person?: { nodes?: DfPerson[] | null } | null;
}
