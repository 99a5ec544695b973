import '../../src/ui/base.css';
import '../../src/welcome/welcome.css';
import { mountWelcome } from '../../src/welcome/welcome';

void mountWelcome(document.getElementById('app')!);
