// How many resources the OpenTiny NG page lists, and per page.
export const NG_PAGE_SIZE = 10;
export const NG_PAGED_TOTAL = 20;
export const NG_VIRTUAL_TOTAL = 2000;
