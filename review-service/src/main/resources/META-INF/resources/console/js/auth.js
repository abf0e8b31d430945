// Sign-in through Keycloak with oidc-client-ts: authorization code + PKCE (S256), a public client, tokens kept in this
// tab's sessionStorage and renewed silently with the refresh token before they expire; sign-out ends the Keycloak
// session. The access token is the only credential the console ever sends (api.js).

let manager;
let current;
const listeners = [];

function base() {
  return location.origin + location.pathname;
}

export function init(config, uiLocale) {
  manager = new oidc.UserManager({
    authority: config.oidcUrl,
    client_id: config.clientId,
    redirect_uri: base(),
    post_logout_redirect_uri: base(),
    response_type: 'code',
    scope: 'openid profile email',
    automaticSilentRenew: true,
    loadUserInfo: false,
    monitorSession: false,
    ui_locales: uiLocale,
    userStore: new oidc.WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new oidc.WebStorageStateStore({ store: window.sessionStorage }),
  });
  manager.events.addUserLoaded(user => { current = user; listeners.forEach(l => l('renewed', user)); });
  manager.events.addAccessTokenExpired(() => listeners.forEach(l => l('expired')));
  manager.events.addSilentRenewError(err => listeners.forEach(l => l('renew-error', err)));
  manager.events.addUserSignedOut(() => listeners.forEach(l => l('expired')));
  return manager;
}

export function onChange(listener) { listeners.push(listener); }

/** Completes a sign-in when Keycloak sent the browser back with a code; answers the user (or null). */
export async function start() {
  const params = new URLSearchParams(location.search);
  if (params.has('code') && params.has('state')) {
    const user = await manager.signinRedirectCallback();
    const hash = typeof user.state === 'string' && user.state.startsWith('#') ? user.state : '';
    history.replaceState(null, '', base() + hash);
    current = user;
    return user;
  }
  if (params.has('error')) {
    history.replaceState(null, '', base());
    return null;
  }
  const user = await manager.getUser();
  if (user && !user.expired) {
    current = user;
    return user;
  }
  if (user && user.refresh_token) {
    try {
      current = await manager.signinSilent();
      return current;
    } catch (e) {
      await manager.removeUser();
    }
  }
  return null;
}

export function signIn(uiLocale) {
  return manager.signinRedirect({ state: location.hash || '#/', extraQueryParams: { ui_locales: uiLocale } });
}

export function signOut() {
  return manager.signoutRedirect();
}

/** Renews the tokens now (what automaticSilentRenew does shortly before expiry). */
export async function renew() {
  current = await manager.signinSilent();
  return current;
}

export function accessToken() {
  return current && !current.expired ? current.access_token : null;
}

/** The access token's claims (its payload: roles in realm_access.roles, the account in sub). */
export function claims() {
  const token = current && current.access_token;
  if (!token) return {};
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(part), c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export function roles() {
  return (claims().realm_access || {}).roles || [];
}

export function accountId() {
  return claims().sub;
}

export function displayName() {
  const c = claims();
  return c.preferred_username || c.name || c.sub;
}
