import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import '../../components/styles.css';

render(<PopupApp />, document.getElementById('app')!);
