import { listenAsFactionHost } from '@/components/background/factionHost';
import { startRadarHost } from '@/components/radar/startRadarHost';

// Chrome's offscreen document: the meeting radar reads council documents here,
// and the faction sync replicates shared notes (PouchDB) here.
startRadarHost();
listenAsFactionHost();
