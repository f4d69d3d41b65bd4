import { render } from 'preact';
import { markPageLanguage } from '@/components/i18n';
import { MatchList } from '@/components/MatchList';
import '../popup/style.css';

markPageLanguage();
render(<MatchList />, document.getElementById('app') as HTMLElement);
