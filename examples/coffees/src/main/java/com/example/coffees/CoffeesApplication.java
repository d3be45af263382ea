package com.example.coffees;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The coffees API: a small Spring Boot service whose endpoints Gatehouse protects. */
@SpringBootApplication
public class CoffeesApplication {

    public static void main(String[] args) {
        SpringApplication.run(CoffeesApplication.class, args);
    }
}
