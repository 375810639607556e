/**
 * The web page of the log (SPEC section 17, W1-W4): {@link dev.sentlog.examples.web.LogWebServer}
 * serves a {@link dev.sentlog.core.log.SentMessageLog} as server-rendered HTML on the JDK's HTTP
 * server, with the demo sign-in of {@link dev.sentlog.examples.web.DemoUser} and the demo district of
 * {@link dev.sentlog.examples.web.WebDistrict}. Each page is one small class implementing the
 * package's route interface; every value is escaped, state-changing requests are POSTs carrying the
 * session's token, and a message outside the caller's scope answers exactly like a missing one.
 * A message that is still changing keeps its Delivery Summary current on the open page through a
 * server-sent event stream ({@link dev.sentlog.examples.web.LiveSettings}, SPEC E4), read by the
 * site's one script file.
 */
package dev.sentlog.examples.web;
