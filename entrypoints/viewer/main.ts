import { startViewer } from '@/components/viewer/startViewer';
import '../content/style.css';
import './style.css';

document.documentElement.lang = navigator.language.startsWith('de') ? 'de' : 'en';
void startViewer(document);
