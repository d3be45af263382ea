package dev.gatehouse.starter.app;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.gatehouse.starter.CurrentUser;
import dev.gatehouse.starter.GatehouseUser;
import dev.gatehouse.starter.Permissions;
import dev.gatehouse.starter.Policy;
import dev.gatehouse.starter.Public;
import dev.gatehouse.starter.Roles;

/** Controllers of the test service, one per way of combining the annotations. */
final class Controllers {

    private Controllers() {
    }

    /** No annotation: any authenticated user. */
    @RestController
    static class ProfileController {

        @GetMapping("/me")
        Map<String, Object> me(@CurrentUser GatehouseUser user) {
            return Map.of("id", user.id().toString(), "email", user.email(), "sessionId", user.sessionId(),
                    "roles", user.roles(), "permissions", user.permissions(),
                    "clientId", user.clientId() == null ? "none" : user.clientId());
        }

        @CrossOrigin(origins = "https://app.example.com")
        @GetMapping("/plain")
        String plain() {
            return "plain";
        }

        /** Fails so that the container's error dispatch renders the response. */
        @GetMapping("/fails")
        String fails() {
            throw new IllegalStateException("Failure for the error dispatch test");
        }
    }

    @RestController
    @Public
    @RequestMapping("/public")
    static class PublicController {

        @GetMapping("/hello")
        String hello(@CurrentUser(required = false) @Nullable GatehouseUser user) {
            return user == null ? "hello anonymous" : "hello " + user.id();
        }

        @GetMapping("/requires-user")
        String requiresUser(@CurrentUser GatehouseUser user) {
            return "hello " + user.id();
        }
    }

    @RestController
    static class MixedController {

        @Public
        @GetMapping("/mixed/open")
        String open() {
            return "open";
        }

        @Roles({"admin", "auditor"})
        @GetMapping("/mixed/roles")
        String roles() {
            return "roles";
        }

        @Permissions({"reports:read", "reports:export"})
        @GetMapping("/mixed/all-permissions")
        String allPermissions() {
            return "all";
        }

        @Permissions(anyOf = {"orders:read", "orders:admin"})
        @GetMapping("/mixed/any-permission")
        String anyPermission() {
            return "any";
        }

        @Permissions(value = "orders:read", anyOf = {"region:eu", "region:us"})
        @GetMapping("/mixed/all-and-any")
        String allAndAny() {
            return "all-and-any";
        }
    }

    /** Class requirement plus method requirements: both must pass. */
    @RestController
    @Roles("admin")
    @RequestMapping("/admin")
    static class AdminController {

        @GetMapping("/dashboard")
        String dashboard() {
            return "dashboard";
        }

        @Permissions("users:delete")
        @GetMapping("/users/delete-check")
        String deleteCheck() {
            return "may delete";
        }

        @Policy(WorkingHoursPolicy.class)
        @GetMapping("/shift")
        String shift() {
            return "on shift";
        }
    }

    @RestController
    @Policy(OwnerPolicy.class)
    @RequestMapping("/owners/{ownerId}")
    static class OwnerController {

        @GetMapping("/orders")
        String orders(@PathVariable String ownerId) {
            return "orders of " + ownerId;
        }

        @Permissions("orders:write")
        @GetMapping("/orders/edit")
        String edit(@PathVariable String ownerId) {
            return "edit orders of " + ownerId;
        }
    }

    /** One handler method inherited by two controllers whose class annotations differ. */
    abstract static class ReportController {

        @GetMapping("/report")
        String report() {
            return "report";
        }
    }

    @RestController
    @Roles("finance")
    @RequestMapping("/finance")
    static class FinanceReportController extends ReportController {
    }

    @RestController
    @Public
    @RequestMapping("/open-reports")
    static class OpenReportController extends ReportController {
    }
}
