import '../../src/ui/base.css';
import '../../src/popup/popup.css';
import { mountPopup } from '../../src/popup/popup';

void mountPopup(document.getElementById('app')!, { search: location.search });
