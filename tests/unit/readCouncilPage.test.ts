import { readdirSync, readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { detectSystem, motionTextFilter, readCouncilPage, systemForUrl } from '@/utils/detect/readCouncilPage';
import type { DocumentFacts } from '@/utils/detect/types';
import { decodeHtml } from '@/utils/dom/decodeHtml';
import { extractPassages, type PassageBlock } from '@/utils/dom/extractPassages';

// Every expectation below was read off the fixture's HTML by hand (the
// allris3 files are ISO-8859-1; decodeHtml reads them as windows-1252).

const windows: Window[] = [];

afterAll(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
});

/** A fresh, script-free document for a fixture page (path below tests/fixtures). */
function load(rel: string): Document {
  const window = new Window({
    url: 'http://localhost/',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  windows.push(window);
  window.document.write(decodeHtml(readFileSync(new URL(`../fixtures/${rel}`, import.meta.url))));
  return window.document as unknown as Document;
}

const loaded = new Map<string, Document>();
/** The fixture's document, loaded once (for tests that do not change it). */
function page(rel: string): Document {
  let doc = loaded.get(rel);
  if (!doc) {
    doc = load(rel);
    loaded.set(rel, doc);
  }
  return doc;
}

const read = (rel: string, url?: string) => readCouncilPage(page(rel), url ? new URL(url) : undefined);
const texts = (passages: readonly PassageBlock[]) => passages.map((p) => p.text);

// Never motion text, on any page: menu entries, metadata labels, status cells.
const MENU = [
  'Home',
  'Kalender',
  'Impressum',
  'Recherche',
  'Textrecherche',
  'Übersicht',
  'Bürgerinfo',
  'Sitzungen',
  'Drucksachen',
  'Legende',
  'Kontakt',
  'Hilfe',
  'Informationen',
  'Beratungen',
  'Tagesordnung',
];
const LABELS = [
  'Betreff:',
  'Status:',
  'Drucksache-Art:',
  'Federführend:',
  'Beratungsfolge:',
  'Gremium:',
  'Datum:',
  'Vorlageart:',
  'Bezeichnung:',
  'Betreff',
  'Status',
  'Vorlage',
  'Vorlage-Art',
  'Art',
  'Federführend',
  'Gremium',
  'Datum',
  'TOP',
];
const STATUS = [
  'öffentlich',
  'öffentlich/nichtöffentlich',
  'Antrag öffentlich',
  'öffentlich (Vorlage freigegeben)',
  'Geplant',
  '● Geplant',
  '● Erledigt',
  'Vorberatung',
  'Entscheidung',
  'Kenntnisnahme',
  'zur Kenntnis genommen',
];

interface PageCase {
  /** Below tests/fixtures. */
  file: string;
  /** The page's live address (tests/fixtures/ris/SOURCES.md, or the page's own links). */
  url?: string;
  /** All facts the page shows; a key left out means the page shows no such fact. */
  facts: DocumentFacts;
  /** Facts not compared here (see the "known detection bugs" block and the report). */
  unchecked?: (keyof DocumentFacts)[];
  /** Exact texts that must each be a passage. */
  passages: string[];
  /** Pieces of text that must stand inside some passage. */
  contains?: string[];
  /** Exact texts of the page (metadata values, boxes, headers) that must not be passages. */
  notPassages: string[];
}

const HAMBURG_MITTE_TITLE =
  'Rattenplage im Wilhelmsburger Bahnhofsviertel beenden (Antrag der SPD- und GRÜNE-Fraktion)';
const DUESSELDORF_TITLE = 'Internationale Zusammenarbeit stärken: Städtepartnerschaften, Netzwerke und EU-Fördermittel';
const LUEDENSCHEID_TITLE = 'Stellenplan für das Haushaltsjahr 2012';
const SPAET_TITLE =
  'Jugendaustausch mit der Partnerstadt Deventer ausbauen und ein mehrsprachiges Welcome-Center im Bezirksamt einrichten (Antrag der GRÜNEN-Fraktion)';

const CASES: PageCase[] = [
  {
    file: 'ris/allris3/regensburg_to010_tagesordnung-stadtplanung.html',
    url: 'https://ratsinfo.regensburg.de/bi/to010.asp?SILFDNR=2667',
    facts: {
      system: 'allris',
      page: 'meeting',
      title: 'Öffentliche/nichtöffentliche Sitzung des Ausschusses für Stadtplanung, Verkehr und Wohnungsfragen',
      committee: 'Ausschuss für Stadtplanung, Verkehr und Wohnungsfragen',
      date: '22.09.2026',
    },
    // A meeting page has no document text: its agenda items' subjects are what the matcher reads.
    passages: [
      'Eröffnung der Sitzung',
      'Vollzug der Baugesetze; Verzeichnis der im Amtsweg behandelten Baugesuche und Vorbescheide',
      'Förderprojekt "Klimaanpassung in Regensburg - Resilienz erfahrbar machen" (KlaR) - Abschlussbericht',
    ],
    notPassages: [
      'Ausschuss für Stadtplanung, Verkehr und Wohnungsfragen',
      'Di, 22.09.2026',
      'öffentlich/nichtöffentlich',
      'Ö 1',
      'VO/26/23344/63',
      'TOP',
      'Betreff',
      'Vorlage',
    ],
  },
  {
    file: 'ris/sessionnet/halle_to0040_tagesordnung-bildungsausschuss.html',
    url: 'https://buergerinfo.halle.de/to0040.asp?__ksinr=21804',
    // SessionNet 4's agenda of a meeting: the title bar names the committee and date, no labelled facts.
    facts: { system: 'sessionnet', page: 'meeting' },
    passages: [
      'Eröffnung der Sitzung, Feststellung der Ordnungsmäßigkeit der Einladung und der Beschlussfähigkeit',
      'Fragestellerin 1 zur Schulplatzzuweisung und zum Kindeswohl',
      'Neufassung der Benutzungs- und Entgeltordnung für das kommunale Schülerwohnheim der Stadt Halle (Saale)',
      'Vergabe von Bauleistungen',
    ],
    notPassages: [
      'Öffentlicher Teil: Beginn 17:00 Uhr',
      'Ja: 4, Nein: 0, Enthaltungen: 6, Befangen: 0',
      'Beschlussvorlage VIII/2026/02530 323 KB',
      'Nicht öffentlicher Teil: Beginn 18:17 Uhr',
      'Software: Sitzungsdienst Datenschutz',
      'einstimmig zugestimmt',
    ],
  },
  {
    file: 'ris/allris3/altona_to020_auszug-eingabe.html',
    url: 'http://sitzungsdienst-altona.hamburg.de/bi/to020.asp?TOLFDNR=1049839',
    // Kind and Federführend are those of the Drucksache the agenda item treats.
    facts: {
      system: 'allris',
      page: 'agenda-item',
      kind: 'Sitzungsvorlage',
      committee: 'Geschäftsstelle der Bezirksversammlung',
      date: '03.03.2025',
    },
    unchecked: ['title', 'number'],
    passages: [
      'Vertagt aus der Sitzung vom 17.02.2025.',
      'Herr Strate bittet das Amt, wie angekündigt zu berichten und die Geschäftsstelle der Bezirksversammlung, die Petentin bei erneuter Beratung zu informieren.',
      'Der Ausschuss nimmt die Drucksache zur Kenntnis.',
    ],
    contains: ['Das Amt prüfe, ob eine Schranke eine bessere Lösung darstelle als die Poller.'],
    notPassages: [
      'Bezirksversammlung Altona',
      'Sitzung des Mobilitätsausschusses',
      'Mobilitätsausschuss',
      'Ö 2.1',
      'Mo, 03.03.2025',
      'Versteigerungshalle des Zentralen Fundbüros',
      'Luruper Chaussee 125, 22761 Hamburg',
      'Parken im Gewerbehof bitte nur auf den mit FHH gekennzeichneten Stellplätzen (nach der Einfahrt auf den Gewerbehof gleich links)',
      '22-0621 Geparkte Kfz auf dem Marktplatz Blankenese Eingabe vom 19.01.2025',
      'Sitzungsvorlage öffentlich',
      'Geschäftsstelle der Bezirksversammlung',
      'Protokoll Abstimmungsergebnis',
    ],
  },
  {
    file: 'ris/allris3/altona_vo020_beschlussempfehlung.html',
    url: 'http://sitzungsdienst-altona.hamburg.de/bi/vo020.asp?VOLFDNR=1018473',
    facts: {
      system: 'allris',
      page: 'document',
      number: '22-2362',
      kind: 'Beschlussempfehlung',
      title: 'Umleitung der Metrobuslinie 1 Beschlussempfehlung des Mobilitätsausschusses',
      committee: 'Geschäftsstelle der Bezirksversammlung',
      date: '09.07.2026',
    },
    passages: [
      'Umleitung der Metrobuslinie 1 Beschlussempfehlung des Mobilitätsausschusses',
      'Der Mobilitätsausschuss empfiehlt dem Hauptausschuss einstimmig, stellvertretend für die Bezirksversammlung (Dringlichkeit aufgrund der laufenden Bauarbeiten), folgenden Beschluss zu fassen:',
      'Der Hauptauschuss wird um Zustimmung gebeten.',
    ],
    contains: ['Vor diesem Hintergrund wird die BVM gemäß § 27 BezVG aufgefordert'],
    notPassages: [
      'Bezirksversammlung Altona',
      'Drucksache - 22-2362',
      'Beschlussempfehlung öffentlich',
      'Hauptausschuss',
      'Sitzung des Hauptausschusses',
      'Sachverhalt Beschlussvorschlag Anlage/n',
      '22-M2076.1 Metrobuslinie 1 - Anbindung des Marion Dönhoff Gymnasiums mit regulären Bussen wiederherstellen',
      'Anlage:',
      'Mitteilungsdrucksache 22-2076.1 zur Beschlussdrucksache 22-1703B',
      '22-M2076.1 Metrobuslinie 1 - Anbindung des Marion Dönhoff Gymnasiums mit regulären Bussen wiederherstellen (460 KB)',
    ],
  },
  {
    file: 'ris/allris3/bergedorf_to020_auszug-bericht.html',
    url: 'http://sitzungsdienst-bergedorf.hamburg.de/bi/to020.asp?TOLFDNR=1031085',
    // No Drucksache on this agenda item: no number, no kind, no Federführend.
    facts: {
      system: 'allris',
      page: 'agenda-item',
      committee: 'Fachausschuss für Sport und Bildung',
      date: '03.03.2025',
    },
    unchecked: ['title'],
    passages: [
      'Herr Pape und Herr Rommel berichten, visuell unterstützt durch eine - dieser Niederschrift beiliegende - Präsentation, über die aktuelle Arbeit, zukünftige Ziele sowie Probleme des Sportvereins „BFSV Atlantik 97“ in Neuallermöhe. Im Anschluss daran beantworten die beiden Referenten Nachfragen.',
    ],
    contains: [
      'Herr Dietrich merkt in diesem Zusammenhang an, dass die Mittelvergabe bis einschließlich 2027 bereits verplant sei.',
    ],
    notPassages: [
      'Bezirksversammlung Bergedorf',
      'Sitzung des Fachausschusses für Sport und Bildung',
      'Fachausschuss für Sport und Bildung',
      'Ö 3',
      '(offen)',
      'Mo, 03.03.2025',
      'Online-Sitzung',
      'Protokoll',
    ],
  },
  {
    file: 'ris/allris3/bergedorf_vo020_auskunftsersuchen.html',
    url: 'http://sitzungsdienst-bergedorf.hamburg.de/bi/vo020.asp?VOLFDNR=1009833',
    // The Beratungsfolge names no meeting yet, so the page shows no date.
    facts: {
      system: 'allris',
      page: 'document',
      number: '22-0916',
      kind: 'Auskunftsersuchen nach § 27 BezVG',
      title:
        'Unterstützungs-, Schutz- und Distanzierungsangebote für Menschen, die sich aus rechtsextremen beziehungsweise gesichert demokratiefeindlichen Strukturen lösen wollen, sowie Präventions-, Beratungs- und Demokratieförderangebote im Bezirk Bergedorf',
      committee: 'Dezernat Steuerung und Service',
    },
    passages: [
      'Unterstützungs-, Schutz- und Distanzierungsangebote für Menschen, die sich aus rechtsextremen beziehungsweise gesichert demokratiefeindlichen Strukturen lösen wollen, sowie Präventions-, Beratungs- und Demokratieförderangebote im Bezirk Bergedorf',
      '„Die, die nützlich sind, dürfen bleiben.“',
      'Vor diesem Hintergrund fragen wir die zuständigen Fachbehörden:',
      'Welche Schutzmaßnahmen können Betroffene in Anspruch nehmen, wenn sie infolge eines Ausstiegs Bedrohungen, Einschüchterungen oder Druck ausgesetzt sind?',
      'Wie werden die Maßnahmen der genannten Behörden ressortübergreifend koordiniert, und welche gemeinsamen Strukturen oder Ansprechstellen bestehen hierfür?',
    ],
    notPassages: [
      'Bezirksversammlung Bergedorf',
      'Auskunftsersuchen nach § 27 BezVG',
      'Fraktion GRÜNE Bergedorf Fraktion DIE LINKE SPD-Fraktion',
      'Dezernat Steuerung und Service',
      'Sachverhalt Beschlussvorschlag Anlage/n',
    ],
  },
  {
    file: 'ris/allris3/eimsbuettel_vo020_mitteilungsvorlage.html',
    url: 'http://sitzungsdienst-eimsbuettel.hamburg.de/bi/vo020.asp?VOLFDNR=1011853',
    facts: {
      system: 'allris',
      page: 'document',
      number: '22-2368',
      kind: 'Mitteilungsvorlage der Verwaltung',
      title: 'Aufwertung für den Voßbarg in Niendorf-Nord Drs. 22-0558, Beschluss der BV vom 30.01.2025',
      committee: 'D1 - Dezernat Steuerung und Service',
      date: '23.07.2026',
    },
    passages: [
      'Aufwertung für den Voßbarg in Niendorf-Nord Drs. 22-0558, Beschluss der BV vom 30.01.2025',
      'Das Bezirksamt Eimsbüttel informiert über den aktuellen Sachstand wie folgt:',
      'Die Ko-Finanzierung durch den Bezirk ist noch nicht geklärt.',
      'Um Kenntnisnahme wird gebeten.',
    ],
    contains: ['die Standortfindung für eine Boulebahn am Voßbarg abgeschlossen ist'],
    notPassages: [
      'Bezirksversammlung Eimsbüttel',
      'Mitteilungsvorlage der Verwaltung',
      'D1 - Dezernat Steuerung und Service',
      'Sitzung des Hauptausschusses',
      'Regionalausschuss Lokstedt/Niendorf/Schnelsen',
      'Sitzung des Regionalausschusses Lokstedt/Niendorf/Schnelsen',
      'keine',
    ],
  },
  {
    file: 'ris/allris3/hamburg-mitte_vo020_antrag-rattenplage.html',
    url: 'http://sitzungsdienst-hamburg-mitte.hamburg.de/bi/vo020.asp?VOLFDNR=1020365',
    facts: {
      system: 'allris',
      page: 'document',
      number: '23-1862',
      kind: 'Antrag',
      title: HAMBURG_MITTE_TITLE,
      committee: 'Fachamt Interner Service',
      date: '07.07.2026',
    },
    passages: [HAMBURG_MITTE_TITLE, 'Der Hauptausschuss möge daher beschließen:', 'c) Austausch der Müllcontainer,'],
    contains: [
      // Split over seven spans in the Word export.
      'Die von der Eigentümerin Vonovia beauftragte Fachfirma führt regelmäßig die Bekämpfung von Ratten mit Giftködern durch.',
    ],
    notPassages: [
      'Bezirksversammlung Hamburg-Mitte',
      'Drucksache - 23-1862',
      'Fachamt Interner Service',
      'Hauptausschuss',
      'Sitzung des Hauptausschusses',
      'Sachverhalt Beschlussvorschlag',
    ],
  },
  {
    file: 'ris/allris3/hamburg-nord_vo020_antrag-sondermittel.html',
    url: 'http://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1016851',
    facts: {
      system: 'allris',
      page: 'document',
      number: '22-2402',
      kind: 'Antrag',
      title: 'Bezirkliche Sondermittel Antrag der GRÜNE-Fraktion',
      committee: 'Interner Service',
      date: '07.07.2026',
    },
    passages: [
      'Bezirkliche Sondermittel Antrag der GRÜNE-Fraktion',
      'Die GRÜNE Fraktion beantragt, der Hauptausschuss möge folgende Sondermittelanträge beschließen:',
      'Wiederaufführung des dokumentarischen Theaterstücks „Flucht aus dem Kettenwerk“',
      'Seniorenarbeit Druzhba Club',
    ],
    notPassages: [
      'Bezirksversammlung Hamburg-Nord',
      'Thorsten Schmidt Daniela Clément',
      'Interner Service',
      'Sitzung des Hauptausschusses',
      'Anlage/n: -',
    ],
  },
  {
    file: 'ris/allris3/harburg_vo020_antwort-bezirksamt.html',
    url: 'http://sitzungsdienst-harburg.hamburg.de/bi/vo020.asp?VOLFDNR=1014761',
    facts: {
      system: 'allris',
      page: 'document',
      number: '22-1940.01',
      kind: 'Antwort / Stellungnahme des Bezirksamtes',
      title: 'Antwort auf Anfrage CDU betr. Rahmenbedingungen zum Beachclubstandort Treidelweg',
      committee: 'D 4 - Dezernat Wirtschaft, Bauen und Umwelt',
    },
    passages: [
      'Antwort auf Anfrage CDU betr. Rahmenbedingungen zum Beachclubstandort Treidelweg',
      'Das Bezirksamt Harburg beantwortet die Kleinen Anfrage der CDU-Fraktion, Drs. 22-1940, wie folgt:',
      '1.6. Werden ebenfalls Stellplätze für Wohnmobile ausgeschrieben?',
      'Stellplätze für Wohnmobile oder Wohnwagen sind derzeit nicht vorgesehen.',
    ],
    contains: ['Die Bauabnahme am Treidelweg sollte in KW 26 erfolgen.'],
    notPassages: [
      'Bezirksversammlung Harburg',
      'Drucksache - 22-1940.01',
      'Niederschriften',
      'Rechtsgrundlagen',
      'Sachverhalt Beschlussvorschlag',
      '22-1940',
    ],
  },
  {
    file: 'ris/allris3/wandsbek_to010_tagesordnung-hauptausschuss.html',
    url: 'http://sitzungsdienst-wandsbek.hamburg.de/bi/to010.asp?SILFDNR=1003545',
    facts: {
      system: 'allris',
      page: 'meeting',
      title: 'Sitzung des Hauptausschusses',
      committee: 'Hauptausschuss',
      date: '03.11.2025',
    },
    // A meeting page has no document text: its agenda items are what the matcher reads.
    passages: [
      'Eröffnung der Sitzung',
      'Antrag zur Einrichtung eines Taubenhauses im Bezirk Hamburg-Wandsbek Eingabe',
      'Bezirksversammlung immer gut informiert: § 19 Vereinbarung mit dem Bezirksamt schließen Antrag der CDU-Fraktion',
      'Anliegen der Bürgerinnen und Bürger und Öffentliche Fragestunde 2. Teil',
    ],
    notPassages: [
      'Bezirksversammlung Wandsbek',
      'Mo, 03.11.2025',
      'Bürgersaal Wandsbek',
      'Sitzung',
      'Betreff',
      'Drucksache',
      'Ö 1',
      'Ö 4.1',
      'Ö 4.17.1',
    ],
  },
  {
    file: 'ris/allris3/wandsbek_vo020_eingabe.html',
    url: 'http://sitzungsdienst-wandsbek.hamburg.de/bi/vo020.asp?VOLFDNR=1025666',
    facts: {
      system: 'allris',
      page: 'document',
      number: '22-3995',
      kind: 'Eingabe',
      title: 'Vermietungen an Fremd-Veranstalter von Parties und Feiern im Brakula Eingabe',
      committee: 'Interner Service',
    },
    passages: [
      'Vermietungen an Fremd-Veranstalter von Parties und Feiern im Brakula Eingabe',
      'Der Geschäftsstelle der Bezirksversammlung liegt folgende Eingabe vor:',
      '1. Keine Vermietung mehr für Parties und Feiern.',
      '4. Das Brakula befindet sich mitten in einem Wohngebiet und ist trotzdem die wichtigste Kulturstätte in Bramfeld.',
    ],
    contains: ['Wiederholend kommt es zur nicht Einhaltung der Lärmschutz-Verordnung'],
    notPassages: [
      'Bezirksversammlung Wandsbek',
      'Interner Service',
      'Hauptausschuss',
      'Sachverhalt Anlage/n',
      'Anlage/n:',
      'Keine Anlagen',
    ],
  },
  {
    file: 'ris/allris4/laatzen_vo020_antrag.html',
    url: 'https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000238',
    facts: {
      system: 'allris',
      page: 'document',
      number: '2026/245',
      kind: 'Antrag',
      title:
        'Bildungscampus Laatzen - Abschluss des Partizipationsprozeses - Antrag der CDU/FDP-Gruppe im Rat der Stadt Laatzen, Bezugsdrucksache 2026/235',
      committee: '40 Bildung und Sport',
    },
    unchecked: ['date'],
    passages: [
      'Bitte beachten Sie den in der Anlage beigefügten Antrag, der am 29.06.2026 bei der Stadt Laatzen eingegangen ist.',
    ],
    notPassages: [
      'Antrag - 2026/245',
      'Grunddaten',
      'Dokumente',
      'Sammeldokument',
      'Anlage zu 2026-245 Antrag Bildungscampus.docx',
      'Ortsrat Laatzen',
      'Anhörung',
      'Sitzung des Ortsrates der Ortschaft Laatzen',
      'Ausschuss für nachhaltige Stadtentwicklung und Feuerschutz',
      'Verwaltungsausschuss (nicht-öffentlich)',
      'Rat der Stadt Laatzen',
      '● Gestoppt',
      '(wie Dokument)',
    ],
  },
  {
    file: 'ris/sessionnet/eschweiler_vo0050_vorlage-mit-wordtext.html',
    url: 'https://rat.eschweiler.de/bi/vo0050.php?__kvonr=12546',
    facts: {
      system: 'sessionnet',
      page: 'document',
      number: '039/26',
      kind: 'Einführung und Verpflichtung',
      title: 'Einführung und Verpflichtung im Ausschuss für Stadtentwicklung, Umwelt und Mobilität',
    },
    passages: [
      'Einführung und Verpflichtung im Ausschuss für Stadtentwicklung, Umwelt und Mobilität',
      'Die Ausschussmitglieder, die bisher noch nicht eingeführt und verpflichtet wurden, werden von der/dem Vorsitzenden eingeführt und in feierlicher Form zur gesetzmäßigen und gewissenhaften Wahrnehmung ihrer Aufgaben verpflichtet.',
      '„Ich verpflichte mich, so wahr mir Gott helfe.“',
      'Keine finanziellen Auswirkungen.',
      'Keine personellen Auswirkungen.',
    ],
    contains: ['Gemäß § 67 Abs. 3 i. V. m. § 58 GO NRW werden die Ausschussmitglieder eingeführt'],
    notPassages: ['Einführung und Verpflichtung', 'Sitzungsvorlage', '039/26'],
  },
  {
    file: 'ris/sessionnet/luedenscheid_vo0050_beschlussvorlage-pdf-only.html',
    url: 'https://buergerinfo.luedenscheid.de/vo0050.asp?__kvonr=2636',
    facts: {
      system: 'sessionnet',
      page: 'document',
      number: '166/2011',
      kind: 'Beschlussvorlage',
      title: LUEDENSCHEID_TITLE,
    },
    passages: [LUEDENSCHEID_TITLE],
    notPassages: ['Beschlussvorlage'],
  },
  {
    file: 'pages/allris_vo020_spaet-geladen.html',
    url: 'https://sitzungsdienst-eimsbuettel.hamburg.de/bi/vo020.asp?VOLFDNR=1011473',
    facts: {
      system: 'allris',
      page: 'document',
      number: '22-4711',
      kind: 'Antrag',
      title: SPAET_TITLE,
      committee: 'Fachamt Sozialraummanagement',
      date: '25.04.2024',
    },
    passages: [SPAET_TITLE],
    notPassages: [
      'Bezirksversammlung Eimsbüttel',
      'Fachamt Sozialraummanagement',
      'Sitzung der Bezirksversammlung',
      'Sachverhalt Petitum/Beschluss',
    ],
  },
  {
    file: 'pages/duesseldorf_sessionnet_si0057_sitzung.html',
    url: 'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/si0057.asp?__ksinr=7412',
    facts: { system: 'sessionnet', page: 'meeting', committee: 'Rat', date: '07.12.2023' },
    // The h1 "Rat - 07.12.2023 - 14:00 Uhr" is taken as the title; SessionNet
    // names the meeting under "Sitzung" ("29. Sitzung des Rates …"): see the report.
    unchecked: ['title'],
    // The agenda items should be passages: see "known detection bugs".
    passages: [],
    notPassages: [
      'Donnerstag, 07.12.2023',
      '14:00 - 19:15 Uhr',
      'Plenarsaal',
      'Einladung',
      'Niederschrift öffentlich',
      'Rat',
      'Ö 1',
      'Ö 2.1',
      'N 1',
      'OB/141/2023',
    ],
  },
  {
    file: 'pages/duesseldorf_sessionnet_vo0050_antrag-zeilennummern.html',
    url: 'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=48213',
    facts: {
      system: 'sessionnet',
      page: 'document',
      number: 'AIF/012/2024',
      kind: 'Antrag',
      title: DUESSELDORF_TITLE,
      committee: '01/3 Büro für Internationale Angelegenheiten',
      date: '14.03.2024',
    },
    passages: [
      DUESSELDORF_TITLE,
      'Beschlussvorschlag:',
      'Der Ausschuss für Internationale Angelegenheiten empfiehlt, der Rat beschließt:',
    ],
    notPassages: [
      'AIF/012/2024',
      'Bearbeitung',
      'Fraktion BÜNDNIS 90/DIE GRÜNEN im Rat der Landeshauptstadt Düsseldorf',
      '01/3 Büro für Internationale Angelegenheiten',
      'Anlage: Übersicht EU-Förderprogramme',
      'Ausschuss für Internationale Angelegenheiten',
      'Haupt- und Finanzausschuss',
    ],
  },
  {
    file: 'pages/sessionnet_vo0050_antrag-zeilennummern-absaetze.html',
    url: 'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=48240',
    facts: {
      system: 'sessionnet',
      page: 'document',
      number: 'AIF/027/2024',
      kind: 'Antrag',
      title: 'Ankommen, Mitreden, Unterwegssein: Maßnahmen für 2025',
      committee: '01/3 Büro für Internationale Angelegenheiten',
      date: '14.03.2024',
    },
    passages: [
      'Ankommen, Mitreden, Unterwegssein: Maßnahmen für 2025',
      'Der Rat möge beschließen:',
      'Kitas und Grundschulen, die zweisprachige Gruppen oder bilingualen Unterricht aufbauen wollen, sollen dafür eine Anschubfinanzierung aus dem Integrationsbudget erhalten.',
    ],
    notPassages: ['AIF/027/2024', 'Haupt- und Finanzausschuss'],
  },
  {
    file: 'pages/not-a-council-page.html',
    url: 'https://blog.example.org/2024/reisebericht.html',
    // No council system: the page is read as a page the user asked for.
    facts: { title: 'Reisebericht' },
    passages: ['Unsere Städtepartnerschaft mit Toulouse war Thema beim Abendessen, und Eurocities kam auch vor.'],
    notPassages: ['Reisebericht'],
  },
  {
    file: 'pages/sessionnet_vo0050_markup-im-text.html',
    // The page has no number, kind or metadata table; its heading and text show markup as text.
    facts: { system: 'sessionnet', page: 'document', title: 'Anfrage <b>zur</b> Städtepartnerschaft' },
    passages: [
      'Die Städtepartnerschaft mit Toulouse <img src=x onerror="document.title=\'pwned\'"> soll verstetigt werden <script>alert(1)</script>.',
      'Der Beitritt zu Eurocities </span><iframe src="javascript:alert(2)"> wird beantragt.',
      'Die Straßenbeleuchtung <style>body{display:none}</style> wird erneuert.',
    ],
    notPassages: ['Software: Sitzungsdienst Session'],
  },
];

describe('readCouncilPage on every fixture page', () => {
  it('has a case for every fixture page', () => {
    const files = ['ris/allris3', 'ris/allris4', 'ris/sessionnet', 'pages'].flatMap((dir) =>
      readdirSync(new URL(`../fixtures/${dir}/`, import.meta.url))
        .filter((f) => f.endsWith('.html'))
        .map((f) => `${dir}/${f}`),
    );
    expect(CASES.map((c) => c.file).sort()).toEqual(files.sort());
  });

  describe.each(CASES)('$file', (c) => {
    it('detects the system from the markup; the live URL names the same one', () => {
      expect(detectSystem(page(c.file))?.id).toBe(c.facts.system);
      if (c.url) expect(systemForUrl(new URL(c.url))?.id).toBe(c.facts.system);
    });

    it('reads the document facts the page shows', () => {
      const facts: DocumentFacts = { ...read(c.file).document };
      for (const key of c.unchecked ?? []) delete facts[key];
      expect(facts).toEqual(c.facts);
      // With the address, the page kind comes from the URL: it must agree with the markup.
      if (c.url) expect(read(c.file, c.url).document.page).toBe(c.facts.page);
    });

    it('finds the motion text', () => {
      const found = texts(read(c.file).passages);
      for (const text of c.passages) expect(found).toContain(text);
      for (const piece of c.contains ?? [])
        expect(
          found.some((t) => t.includes(piece)),
          piece,
        ).toBe(true);
    });

    it('leaves out menus, labels, status cells and other page furniture', () => {
      const found = texts(read(c.file).passages);
      for (const text of [...MENU, ...LABELS, ...STATUS, ...c.notPassages]) expect(found).not.toContain(text);
      for (const text of found) {
        expect(text).not.toMatch(/^(Letzte Änderung|Software:)/);
      }
    });

    it('gives each passage collapsed text, with letters, and where it stands', () => {
      for (const p of read(c.file).passages) {
        expect(p.text).toBe(p.text.trim());
        expect(p.text).not.toMatch(/\s{2}|\u00A0/);
        expect(p.text).toMatch(/\p{L}/u);
        expect(p.blocks.length).toBeGreaterThan(0);
        expect(p.segments.length).toBeGreaterThan(0);
      }
    });
  });
});

describe('Hamburg-Mitte Antrag (ALLRIS 3, Petitum with numbered items)', () => {
  const file = 'ris/allris3/hamburg-mitte_vo020_antrag-rattenplage.html';

  it('makes every numbered and lettered item of the Petitum a passage of its own', () => {
    const items = read(file).passages.filter((p) => p.kind === 'item');
    expect(texts(items)).toEqual([
      '1) Die Verwaltung wird gebeten, auf den Grundstückseigentümer Vonovia einzuwirken, die hygienischen Zustände um die Müllcontainer in den Bereichen Keinddorfstraße, Buddestraße, Thielenstraße. und Wittestraße umgehend zu verbessern durch geeignete Maßnahmen wie:',
      'a) Intensive und wirkungsvolle direkte Bekämpfung der Rattenpopulation,',
      'b) radikale Grundreinigung der Hinter- und Innenhöfen mit Verschluss bzw. Entfernung von Rattenlöchern und -Verstecken,',
      'c) Austausch der Müllcontainer,',
      'd) Sanierung und Modernisierung der Müllstandsplätze, so dass Ratten und Vögel keinen Zugang mehr haben,',
      'e) niedrigschwellige Aufklärung der MieterInnen über den Zusammenhang von Müll und Ratten und die damit verbundene gesundheitliche Gefährdung, über den Grund der Maßnahmen und wie wichtig es ist, dass in Zukunft jede/r Einzelne bei der rattensicheren Müllentsorgung mithilft.',
      '2) Die Verwaltung möge prüfen, welche weiteren Maßnahmen für eine nachhaltige Verbesserung der Situation notwendig sind und gegebenenfalls zusammen mit dem Eigentümer ergriffen werden können und diese zeitnah umsetzen.',
      '3) Die Verwaltung wird gebeten, sich bei den zuständigen Stellen dafür einzusetzen, dass Vertreter der Vonovia sowie des Bezirksamtes in die nächste Sitzung des Regionalausschusses im September 2026 eingeladen werden, um dort über die Entwicklung der Rattenplage, über die ergriffenen Maßnahmen und über die aktuelle Situation zu berichten.',
    ]);
  });

  it('keeps the Sachverhalt and the Petitum in document order, after the Betreff', () => {
    const found = texts(read(file).passages);
    const at = (start: string) => found.findIndex((t) => t.startsWith(start));
    expect(at(HAMBURG_MITTE_TITLE)).toBe(0);
    expect(at('Im Bahnhofsviertel in den Hinter- und Innenhöfen')).toBeGreaterThan(0);
    expect(at('Der Hauptausschuss möge daher beschließen:')).toBeGreaterThan(at('Um die Rattenplage in den Griff'));
    expect(at('3) Die Verwaltung wird gebeten')).toBe(found.length - 1);
  });

  it('joins words that the Word export split over spans', () => {
    const found = texts(read(file).passages).join('\n');
    // "Keinddorfstraß" + "e", "Grundstü" + "ckseigentü" + "mer", "Müllbeh" + "ä" + "lter".
    expect(found).toContain('Keinddorfstraße, Buddestraße.');
    expect(found).toContain('Grundstückseigentümer Vonovia');
    expect(found).toContain('die Boxen für die Müllbehälter bieten keinen Schutz');
  });
});

describe('Düsseldorf Antrag with line numbers (SessionNet)', () => {
  const file = 'pages/duesseldorf_sessionnet_vo0050_antrag-zeilennummern.html';
  const withLines = () => read(file).passages.filter((p) => p.lines !== undefined);

  it('groups the numbered lines of each item into one passage with its line range', () => {
    const items = read(file).passages.filter((p) => p.kind === 'item');
    expect(items.map((p) => ({ lines: p.lines, text: p.text }))).toEqual([
      {
        lines: [9, 11],
        text: '1. Die Verwaltung wird beauftragt, den Austausch mit der Partnerstadt Toulouse zu intensivieren. Dazu gehören insbesondere ein jährlicher Jugendaustausch der weiterführenden Schulen sowie eine Bürgerreise nach Toulouse im Jahr 2025.',
      },
      {
        lines: [13, 16],
        text: '2. Die Landeshauptstadt Düsseldorf nutzt ihre Mitgliedschaft im Netzwerk Eurocities aktiv und beteiligt sich mit Mitarbeiter*innen des Umweltamtes an den Arbeitsgruppen des Konvents der Bürgermeister*innen für Klima und Energie.',
      },
      {
        lines: [18, 20],
        text: '3. Die Verwaltung wird beauftragt, sich gemeinsam mit dem Rhein-Kreis Neuss und dem Kreis Mettmann um Fördermittel der Europäischen Union aus dem EFRE und aus Interreg zu bewerben und dem Ausschuss bis Ende 2024 zu berichten.',
      },
      {
        lines: [22, 23],
        text: '4. Entlang der Rheinuferpromenade zwischen Altstadt und Medienhafen werden zehn zusätzliche Sitzbänke aufgestellt.',
      },
    ]);
  });

  it('numbers the other parts of the motion too: heading, Begründung paragraphs', () => {
    const byLines = new Map(withLines().map((p) => [p.lines?.join('-'), p]));
    expect(byLines.get('3-4')?.text).toBe(DUESSELDORF_TITLE);
    expect(byLines.get('6-6')).toMatchObject({ kind: 'heading', text: 'Beschlussvorschlag:' });
    expect(byLines.get('7-7')?.text).toBe(
      'Der Ausschuss für Internationale Angelegenheiten empfiehlt, der Rat beschließt:',
    );
    expect(byLines.get('25-25')).toMatchObject({ kind: 'heading', text: 'Begründung:' });
    expect(byLines.get('27-33')?.text).toMatch(/^Am 9\. Mai wird in ganz Europa der Europatag begangen\./);
    expect(byLines.get('35-39')?.text).toMatch(/gesondert auszuweisen\.$/);
  });

  it('keeps the line numbers out of the text and out of the highlighted segments', () => {
    const numbered = withLines();
    expect(numbered.length).toBeGreaterThanOrEqual(10);
    for (const p of numbered) {
      // A line number would stand alone as a 1–2 digit token ("… Toulouse 10 zu …").
      expect(p.text).not.toMatch(/(^|\s)\d{1,2}(\s|$)/);
      const first = p.segments[0];
      expect(first).toBeDefined();
      if (first) expect(first.node.data.slice(first.start, first.end).trim()).not.toMatch(/^\d+$/);
    }
    // Item 1 is highlighted from its own "1.", not from the line number 9 before it.
    const seg = numbered.find((p) => p.lines?.[0] === 9)?.segments[0];
    expect(seg).toBeDefined();
    if (seg) expect(seg.node.data.slice(seg.start, seg.end).trimStart()).toMatch(/^1\./);
  });

  it('reads a word split over two spans ("Städte" + "partnerschaften") as one word', () => {
    const found = texts(read(file).passages);
    const begruendung = found.find((t) => t.startsWith('Am 9. Mai'));
    expect(begruendung).toContain(
      'beim Austausch zwischen Schulen. Städtepartnerschaften und Netzwerke wie Eurocities',
    );
    expect(found.join('\n')).not.toMatch(/Städte partnerschaften/);
  });
});

describe('Lüdenscheid Beschlussvorlage (SessionNet, text only in PDFs)', () => {
  const file = 'ris/sessionnet/luedenscheid_vo0050_beschlussvorlage-pdf-only.html';

  it('has no Word text on the page, so the Betreff is its first passage', () => {
    const found = texts(read(file).passages);
    expect(found[0]).toBe(LUEDENSCHEID_TITLE);
    expect(page(file).querySelector('.smcdocmsword')).toBeNull();
  });

  // BUG: the name of a PDF attachment in the documents box ("Anlage zum
  // Stellenplan 2012", div.smc-documents) becomes a passage.
  it('has no passages beyond its title', () => {
    expect(texts(read(file).passages)).toEqual([LUEDENSCHEID_TITLE]);
  });
});

describe('ALLRIS page whose text is loaded by script (statically empty)', () => {
  const file = 'pages/allris_vo020_spaet-geladen.html';

  it('has no motion text in the HTML the server sends: only the Betreff', () => {
    expect(texts(read(file).passages)).toEqual([SPAET_TITLE]);
  });

  it('finds the text once it has arrived in the text area after the anchor', () => {
    const doc = load(file);
    const area = doc.getElementById('vorlagentext');
    expect(area).not.toBeNull();
    const add = (tag: string, text: string) => {
      const el = doc.createElement(tag);
      el.textContent = text;
      area?.appendChild(el);
    };
    add('p', 'Petitum/Beschluss:');
    add('p', 'Die Bezirksversammlung möge beschließen:');
    add(
      'p',
      '1. Die Bezirksamtsleitung wird gebeten, gemeinsam mit der Stadt Deventer ab 2025 einen jährlichen Jugendaustausch zu organisieren.',
    );
    const { document, passages } = readCouncilPage(doc);
    expect(document.number).toBe('22-4711');
    expect(texts(passages)).toEqual([
      SPAET_TITLE,
      'Petitum/Beschluss:',
      'Die Bezirksversammlung möge beschließen:',
      '1. Die Bezirksamtsleitung wird gebeten, gemeinsam mit der Stadt Deventer ab 2025 einen jährlichen Jugendaustausch zu organisieren.',
    ]);
    expect(passages[3]?.kind).toBe('item');
  });
});

describe('SessionNet page with markup-looking text', () => {
  const file = 'pages/sessionnet_vo0050_markup-im-text.html';

  it('reports the escaped markup as text, and the page gained no elements from it', () => {
    const { document, passages } = read(file);
    expect(document.title).toBe('Anfrage <b>zur</b> Städtepartnerschaft');
    expect(texts(passages).join('\n')).toContain('<script>alert(1)</script>');
    expect(page(file).body.querySelectorAll('b, img, iframe, script, style')).toHaveLength(0);
  });
});

describe('a page that is not a council page', () => {
  it('names no system and no page kind, even with a URL', () => {
    const { document } = read('pages/not-a-council-page.html', 'https://blog.example.org/2024/reisebericht.html');
    expect(document.system).toBeUndefined();
    expect(document.page).toBeUndefined();
  });
});

// Each test here states the right behaviour and fails today; see the report for
// the cause. When detection is fixed, Vitest reports these as failing: drop `.fails`.
describe('known detection bugs', () => {
  it('Altona agenda item: title is the Betreff, without the page prefix "Auszug - "', () => {
    expect(read('ris/allris3/altona_to020_auszug-eingabe.html').document.title).toBe(
      'Geparkte Kfz auf dem Marktplatz Blankenese Eingabe vom 19.01.2025',
    );
  });

  it('Bergedorf agenda item: title is the Betreff, without the page prefix "Auszug - "', () => {
    expect(read('ris/allris3/bergedorf_to020_auszug-bericht.html').document.title).toBe(
      'Aktuelle Arbeit, zukünftige Ziele, Hürden und Lösungen des Atlantik 97 e.V. als Sportverein',
    );
  });

  it('Harburg Drucksache: the Stammbaum table after the text is not motion text', () => {
    const found = texts(read('ris/allris3/harburg_vo020_antwort-bezirksamt.html').passages);
    for (const text of [
      'Stammbaum:',
      'Anfrage CDU betr. Rahmenbedingungen zum Beachclubstandort Treidelweg',
      'Kleine Anfrage gem. § 24 BezVG',
      'D 4 - Dezernat Wirtschaft, Bauen und Umwelt',
      'Antwort / Stellungnahme des Bezirksamtes',
    ])
      expect(found).not.toContain(text);
  });

  it('Laatzen Antrag (ALLRIS 4): the Betreff is among the passages', () => {
    const found = texts(read('ris/allris4/laatzen_vo020_antrag.html').passages);
    expect(found.some((t) => t.startsWith('Bildungscampus Laatzen - Abschluss des Partizipationsprozeses'))).toBe(true);
  });

  it('Laatzen Antrag (ALLRIS 4): date is the first date of the Beratungsfolge, as on ALLRIS 3', () => {
    expect(read('ris/allris4/laatzen_vo020_antrag.html').document.date).toBe('25.08.2026');
  });

  it('Düsseldorf meeting (SessionNet si0057): the agenda items are passages', () => {
    const found = texts(read('pages/duesseldorf_sessionnet_si0057_sitzung.html').passages);
    expect(found).toContain('Beitritt der Landeshauptstadt Düsseldorf zum Netzwerk Eurocities');
    expect(found).toContain(
      'Bericht über die Städtepartnerschaft mit Toulouse – Rückblick auf das Partnerschaftsjahr 2023',
    );
  });

  it.fails('Düsseldorf meeting (SessionNet si0057): the decision status lines are not passages', () => {
    const found = texts(read('pages/duesseldorf_sessionnet_si0057_sitzung.html').passages);
    expect(found.filter((t) => t.startsWith('Beschluss:'))).toEqual([]);
  });

  it('Düsseldorf meeting (SessionNet si0057): the Ort value is not a passage', () => {
    const found = texts(read('pages/duesseldorf_sessionnet_si0057_sitzung.html').passages);
    expect(found).not.toContain('Rathaus, Marktplatz 2, 40213 Düsseldorf');
  });

  it('Wandsbek meeting (ALLRIS 3 to010): the Ort value is not a passage', () => {
    const found = texts(read('ris/allris3/wandsbek_to010_tagesordnung-hauptausschuss.html').passages);
    expect(found).not.toContain('Am Alten Posthaus 4, 22041 Hamburg');
  });
});

describe('the motion-text filter', () => {
  it('keeps the Betreff on every scan of the same page (it remembered the first scan)', () => {
    const doc = page('ris/allris3/hamburg-mitte_vo020_antrag-rattenplage.html');
    const url = new URL('http://sitzungsdienst-hamburg-mitte.hamburg.de/bi/vo020.asp?VOLFDNR=1020365');
    const system = detectSystem(doc);
    const facts = readCouncilPage(doc, url).document;
    const isMotionText = motionTextFilter(doc, system, facts);
    const scan = () =>
      extractPassages(doc)
        .filter(isMotionText)
        .map((p) => p.text);
    const first = scan();
    expect(first).toContain(HAMBURG_MITTE_TITLE);
    expect(scan()).toEqual(first);
  });
});
