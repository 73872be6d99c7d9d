import { contextBridge } from 'electron';

import { PRODUCT_NAME } from '../common/product';

// The StationApi bridge arrives with the desktop shell (issue 5); until then the page learns only its name.
contextBridge.exposeInMainWorld('vigil', { productName: PRODUCT_NAME });
