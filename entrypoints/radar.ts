import { startRadarOnPage } from '@/components/radar/startRadarOnPage';

// The meeting radar on an agenda page; the background injects it where the content script found an agenda.
export default defineUnlistedScript(() => {
  void startRadarOnPage();
});
