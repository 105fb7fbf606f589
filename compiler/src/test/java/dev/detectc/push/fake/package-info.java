/**
 * Loopback stand-ins for the three SIEM APIs, for tests only: a recording HTTP server on
 * 127.0.0.1, emulators that keep state the way Kibana, Splunk and Sentinel document it and answer
 * with their real error bodies, scripted faults, and rule bodies built from the documented shapes.
 */
package dev.detectc.push.fake;
