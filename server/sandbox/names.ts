// Name pools for the synthetic register, by generation (Danish first names follow fashions) and origin.

const split = (s: string): readonly string[] => s.trim().split(/\s+/);

export const firstNames = {
  // Born before 1960
  old: {
    male: split(`Bent Poul Jørgen Erik Ole Knud Hans Niels Jens Svend Arne Kurt Leif Preben Finn Henning Carl Aage Frode
      Egon Verner Bjarne Jørn Flemming Kaj Gunnar Holger Viggo Erling Per Mogens Torben Helge Ejnar Børge`),
    female: split(`Karen Inge Hanne Kirsten Birthe Grethe Lis Else Ruth Bodil Ingrid Jytte Lone Gitte Annelise Ellen
      Gerda Edith Dorthe Aase Tove Vibeke Lene Merete Birgit Bente Inger Marianne Elin Jonna Karin Ulla`),
  },
  // Born 1960-1989
  middle: {
    male: split(`Michael Lars Thomas Henrik Søren Martin Jesper Peter Morten Jan Anders Brian Kim Rasmus Jacob Claus
      Mikkel Christian Kenneth Allan Steffen Carsten Bo René Dennis Jimmi Tommy Kasper Nicolai Mads Rune Jonas`),
    female: split(`Susanne Anne Mette Pia Helle Charlotte Tina Camilla Louise Maria Heidi Lene Line Rikke Trine Maja
      Marianne Gitte Dorte Malene Tanja Christina Sanne Katrine Stine Mia Signe Julie Sara Nanna Anja Janni`),
  },
  // Born 1990 or later
  young: {
    male: split(`William Noah Oscar Lucas Carl Victor Malthe Alfred Emil Magnus Frederik Elias Oliver Aksel Valdemar
      Anton August Mathias Sebastian Tobias Alexander Marcus Villads Johan Storm Arthur Felix Theo Liam Otto`),
    female: split(`Emma Ida Freja Clara Alma Ella Sofia Karla Agnes Anna Laura Josefine Olivia Ellen Lærke Mathilde
      Asta Isabella Cecilie Alberte Liva Nora Esther Filippa Vigga Luna Silje Frida Andrea Astrid Marie`),
  },
  greenlandic: {
    male: split(`Aputsiaq Malik Inuk Minik Nuka Kunuk Hans Ole Qillaq Angunnguaq Pavia Salik Ulloriaq Kaali Nukappi`),
    female: split(`Pipaluk Naja Nivi Ivalo Aviaja Paninnguaq Arnaq Inaluk Ane Najaaraq Kiista Nukakkuluk Sara Malu`),
  },
  immigrant: {
    male: split(`Ahmed Ali Mohammad Hassan Omar Mustafa Tomasz Piotr Marek Huy Minh Emre Murat Erik Johan Lars Ivan Andrii`),
    female: split(`Fatima Aisha Leila Zainab Maryam Anna Agnieszka Katarzyna Linh Thu Elif Zeynep Ingrid Karin Olena Irina`),
  },
} as const;

export const danishLastNames = split(`Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen
  Jørgensen Petersen Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller Mortensen Knudsen Jakobsen
  Mikkelsen Olesen Frederiksen Laursen Henriksen Lund Schmidt Eriksen Holm Kristiansen Clausen Simonsen Svendsen
  Andreasen Jeppesen Iversen Østergaard Jacobsen Vestergaard Nissen Mogensen Lauridsen Dam Kjær Bertelsen Carlsen
  Winther Berg Bach Juhl Nørgaard Søndergaard Bruun Dahl Lind Gregersen Friis Koch Skov Thygesen Brandt Bang
  Mathiesen Lindberg Thorsen Overgaard Munk Bak Ravn Kofoed Damgaard Villadsen Krogh Høj Toft Hedegaard Riis`);

/** Danish middle names are mostly surname-like (Holm, Skov, Bach…). */
export const middleNames = split(`Holm Skov Bach Lund Kjær Juul Dam Krog Bøgh Ravn Vinther Friis Dahl Lykke Hvid
  Brix Bonde Mølgaard Lindholm Engelbrecht Tang Fog Storm Gram Møller Bjerre Sand Kirk`);

export const greenlandicLastNames = split(`Kleist Lynge Motzfeldt Petersen Berthelsen Olsen Heilmann Kristiansen
  Rosing Frederiksen Egede Lyberth Kreutzmann Nielsen Jensen Hammeken Poulsen Storch Geisler Enoksen`);

export const immigrantLastNames = split(`Ahmed Ali Hassan Mohammad Yilmaz Kaya Demir Nowak Kowalski Wiśniewski Nguyen Tran
  Pham Hussein Abdi Omar Karlsson Nilsson Andersson Hansen Larsen Kovalenko Popescu Müller Schneider`);
