/**
 * Public API of the Gatehouse starter: the endpoint annotations, {@link dev.gatehouse.starter.GatehouseUser},
 * {@link dev.gatehouse.starter.GatehousePolicy}, the configuration properties and the error codes.
 */
@NullMarked
package dev.gatehouse.starter;

import org.jspecify.annotations.NullMarked;
