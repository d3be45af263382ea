package com.example.coffees;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Repository;

/** Keeps coffees in memory, so the example needs no database. Everything is lost on restart. */
@Repository
class CoffeeRepository {

    private final Map<Long, Coffee> coffees = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();

    List<Coffee> findAll() {
        return coffees.values().stream().sorted(Comparator.comparingLong(Coffee::id)).toList();
    }

    Optional<Coffee> findById(long id) {
        return Optional.ofNullable(coffees.get(id));
    }

    Coffee add(String name, String brand, List<String> flavors, UUID createdBy) {
        Coffee coffee = new Coffee(lastId.incrementAndGet(), name, brand, flavors, createdBy);
        coffees.put(coffee.id(), coffee);
        return coffee;
    }

    /** Replaces the coffee with the result of {@code change} in one atomic step, or returns empty when it does not exist. */
    Optional<Coffee> update(long id, UnaryOperator<Coffee> change) {
        return Optional.ofNullable(coffees.computeIfPresent(id, (key, coffee) -> change.apply(coffee)));
    }

    boolean delete(long id) {
        return coffees.remove(id) != null;
    }
}
