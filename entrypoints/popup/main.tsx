import { render } from 'preact';
import { PackSummary } from '@/components/PackSummary';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import './style.css';

render(<PackSummary pack={builtinKw21()} />, document.getElementById('app') as HTMLElement);
