package com.example.coffees;

import java.util.List;
import java.util.UUID;

/**
 * A coffee of the catalogue.
 *
 * @param createdBy id of the Gatehouse user who added it, the only one allowed to change it
 */
public record Coffee(long id, String name, String brand, List<String> flavors, UUID createdBy) {

    public Coffee {
        flavors = List.copyOf(flavors);
    }
}
