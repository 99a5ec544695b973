// A page script that routes the saved Unsubscriptions page the way the console's Angular router does:
// menu links call history.pushState (no hashchange), back/forward come as popstate, a
// `?hws_route_url=` deep link is rewritten into a hash route with replaceState before anything renders.
// Routes: Unsubscriptions (both the user centre's and the enterprise project's) show the resource table;
// "Renewals" keeps the very same table on screen with another title, as a console page listing the
// same resources does (a script that missed the route change would leave its badges there); the
// overview shows no table. Rendering happens in a microtask after the URL changes, as Angular's does.
export const consoleRouterScript = String.raw`
(() => {
  const table = document.querySelector('ti-table');
  const parent = table.parentNode;
  const next = table.nextSibling;
  const title = document.querySelector('h1');
  const overview = document.createElement('div');
  overview.id = 'overview-page';
  overview.textContent = 'Billing Center overview';

  const routes = {
    '/userindex/retreatManagement': { title: 'Unsubscriptions', table: true },
    '/enterpriseProjectIndex/retreatManagement': { title: 'Unsubscriptions (enterprise project)', table: true },
    '/userindex/renewalManagement': { title: 'Renewals', table: true },
    '/userindex/overview': { title: 'Overview', table: false },
  };
  const menu = document.createElement('nav');
  menu.id = 'console-menu';
  for (const path of Object.keys(routes)) {
    const link = document.createElement('a');
    link.href = '#' + path;
    link.dataset.route = path;
    link.textContent = routes[path].title;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState(null, '', '#' + path);
      queueMicrotask(render);
    });
    menu.append(link, ' ');
  }
  document.body.prepend(menu);

  function render() {
    const route = routes[location.hash.replace(/^#/, '').split('?')[0]] || routes['/userindex/overview'];
    title.textContent = route.title;
    if (route.table && !table.isConnected) parent.insertBefore(table, next);
    if (!route.table && table.isConnected) table.remove();
    if (route.table) overview.remove();
    else if (!overview.isConnected) title.after(overview);
  }

  const deepLink = new URLSearchParams(location.search).get('hws_route_url');
  if (deepLink) {
    const search = new URLSearchParams(location.search);
    search.delete('hws_route_url');
    const query = search.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + '#/' + deepLink.replace(/^#?\//, ''));
  }
  addEventListener('popstate', render);
  addEventListener('hashchange', render);
  render();
})();
`;
