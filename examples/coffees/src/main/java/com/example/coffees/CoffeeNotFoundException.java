package com.example.coffees;

/** No coffee has the requested id. {@link CoffeeProblems} turns it into 404 {@code coffee_not_found}. */
class CoffeeNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CoffeeNotFoundException(long id) {
        super("No coffee has the id " + id + ".");
    }
}
