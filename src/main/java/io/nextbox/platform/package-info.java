/**
 * Shared web and security configuration: the security filter chain (form login and its throttle, roles, CSRF,
 * headers, a 401 for htmx requests without a session), the session store's writes, the clock, the page layout's
 * model (store name, who is logged in, money formatting) and the home redirect.
 */
package io.nextbox.platform;
