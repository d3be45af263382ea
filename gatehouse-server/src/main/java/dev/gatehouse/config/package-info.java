/** Configuration properties, the clock, and start-up checks of settings. */
@NullMarked
package dev.gatehouse.config;

import org.jspecify.annotations.NullMarked;
