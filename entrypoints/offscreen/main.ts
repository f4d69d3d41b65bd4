import { listenAsFactionHost } from '@/components/background/factionHost';
import { startWarmMatcherHost } from '@/components/background/warmMatcherHost';
import { startRadarHost } from '@/components/radar/startRadarHost';

// Chrome's offscreen document: the meeting radar reads council documents here, the faction sync replicates
// shared notes (PouchDB) here, and council pages have their passages matched here while the reader reads them.
startRadarHost();
listenAsFactionHost();
startWarmMatcherHost();
