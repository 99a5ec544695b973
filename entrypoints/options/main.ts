import '../../src/ui/base.css';
import '../../src/options/options.css';
import { mountOptions } from '../../src/options/options';

void mountOptions(document.getElementById('app')!);
