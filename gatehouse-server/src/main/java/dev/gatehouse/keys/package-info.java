/** Keys that Gatehouse generates and stores encrypted in the database. */
@NullMarked
package dev.gatehouse.keys;

import org.jspecify.annotations.NullMarked;
