import { markPageLanguage } from '@/components/i18n';
import { startViewer } from '@/components/viewer/startViewer';
import '../content/style.css';
import './style.css';

markPageLanguage();
void startViewer(document);
