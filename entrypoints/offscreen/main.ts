import { startRadarHost } from '@/components/radar/startRadarHost';

// Chrome's offscreen document: the meeting radar reads council documents here.
startRadarHost();
