package org.hotline.panel;

import org.hotline.panel.http.ApiRequest;
import org.hotline.panel.http.Router;

/**
 * What the access stage hands to the call stage: an API request that passed the session, role,
 * Origin and CSRF checks, with the route it is for.
 */
record ApiCall(Router.Route route, ApiRequest request, boolean keepAlive) {}
