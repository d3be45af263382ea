package com.example.coffees;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.gatehouse.starter.CurrentUser;
import dev.gatehouse.starter.GatehouseUser;
import dev.gatehouse.starter.Permissions;
import dev.gatehouse.starter.Policy;
import dev.gatehouse.starter.Roles;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coffees resource. Every endpoint needs a signed-in user. Creating needs permission
 * {@code coffees:create}, changing is for the coffee's creator, and deleting is for role {@code admin}.
 */
@RestController
@RequestMapping("/coffees")
class CoffeesController {

    private static final Logger log = LoggerFactory.getLogger(CoffeesController.class);

    private final CoffeeRepository coffees;

    CoffeesController(CoffeeRepository coffees) {
        this.coffees = coffees;
    }

    @GetMapping
    List<Coffee> list() {
        return coffees.findAll();
    }

    @GetMapping("/{id}")
    Coffee get(@PathVariable long id) {
        return coffees.findById(id).orElseThrow(() -> new CoffeeNotFoundException(id));
    }

    @PostMapping
    @Permissions("coffees:create")
    ResponseEntity<Coffee> create(@Valid @RequestBody CreateCoffeeRequest request, @CurrentUser GatehouseUser user) {
        Coffee coffee = coffees.add(request.name(), request.brand(), request.flavors(), user.id());

        log.info("User {} added coffee {}", user.id(), coffee.id());
        return ResponseEntity.created(URI.create("/coffees/" + coffee.id())).body(coffee);
    }

    /** Changes the fields present in the body. Only the user who created the coffee may do so. */
    @PatchMapping("/{id}")
    @Policy(CoffeeCreatorPolicy.class)
    Coffee update(@PathVariable long id, @Valid @RequestBody UpdateCoffeeRequest request) {
        return coffees.update(id, coffee -> new Coffee(coffee.id(),
                        request.name() != null ? request.name() : coffee.name(),
                        request.brand() != null ? request.brand() : coffee.brand(),
                        request.flavors() != null ? request.flavors() : coffee.flavors(),
                        coffee.createdBy()))
                .orElseThrow(() -> new CoffeeNotFoundException(id));
    }

    @DeleteMapping("/{id}")
    @Roles("admin")
    ResponseEntity<Void> delete(@PathVariable long id, @CurrentUser GatehouseUser user) {
        if (!coffees.delete(id)) {
            throw new CoffeeNotFoundException(id);
        }

        log.info("Admin {} deleted coffee {}", user.id(), id);
        return ResponseEntity.noContent().build();
    }

    /** Body of {@code POST /coffees}. The fields are nullable until {@code @Valid} has checked them. */
    record CreateCoffeeRequest(
            @NotBlank @Size(max = 100) @Nullable String name,
            @NotBlank @Size(max = 100) @Nullable String brand,
            @NotNull @Size(max = 20) @Nullable List<@NotBlank @Size(max = 50) String> flavors) {
    }

    /** Body of {@code PATCH /coffees/{id}}: an absent field keeps its value, a present one must be valid. */
    record UpdateCoffeeRequest(
            @Size(min = 1, max = 100) @Nullable String name,
            @Size(min = 1, max = 100) @Nullable String brand,
            @Size(max = 20) @Nullable List<@NotBlank @Size(max = 50) String> flavors) {
    }
}
