/** The coffees example: an in-memory API whose endpoints declare their Gatehouse access rules. */
@NullMarked
package com.example.coffees;

import org.jspecify.annotations.NullMarked;
