import { render } from 'preact';
import { MatchList } from '@/components/MatchList';
import '../popup/style.css';

render(<MatchList />, document.getElementById('app') as HTMLElement);
