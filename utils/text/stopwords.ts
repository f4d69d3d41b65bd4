/**
 * Words that say nothing about what a measure is about: German function
 * words, auxiliaries and modal verbs, and words every council text uses.
 * Compared after normalisation (lower case, umlauts kept).
 */
export const GERMAN_STOPWORDS: ReadonlySet<string> = new Set(
  `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anders auch auf aus bei beim bereits bis bisher bitte bzw da dabei dadurch dafür daher damit dann daran darauf darin darüber das dass dabei davon dazu dein dem den denen denn dennoch der deren des deshalb dessen die dies diese diesem diesen dieser dieses doch dort du durch eben ein eine einem einen einer eines einige einigen einiger einmal er es etwa etwas euch euer für gegen ganz gar gemäß genau gerade gibt habe haben hat hatte hätte hier hin hinaus ich ihr ihre ihrem ihren ihrer ihres im immer in indem ins insbesondere ist ja je jede jedem jeden jeder jedes jedoch jetzt kann kein keine keinem keinen keiner können könnte man manche mehr mein mit muss müssen nach nicht nichts noch nun nur ob oder ohne per schon sehr sein seine seinem seinen seiner seit sich sie sind so sodass soll sollen sollte somit sondern sowie sowohl statt über um und uns unser unsere unserem unseren unserer unter viel viele vom von vor war waren warum was weil weiter weitere welche welchem welchen welcher wenn wer werden wie wieder will wir wird wo wollen worden wurde würde wurden zu zum zur zwar zwischen
  geht gehen kommt kommen machen macht gibt geben wäre wären möchten möchte dürfen darf lassen lässt sollen sowie usw ggf bzw etc z b
  neu neue neuen neuer schnell gut besser stark stärker weniger wenig mehr groß große großen klein kleine hoch konkret konkreter real realer praktisch praktischer gezielt gezielte gezielten
  stadt städte städtische städtischen kommune kommunen gemeinde verwaltung stadtverwaltung rat antrag beschluss vorlage jahr jahre jahren thema themen bereich bereiche frage fragen menschen`.split(
    /\s+/,
  ),
);
