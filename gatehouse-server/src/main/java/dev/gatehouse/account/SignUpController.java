package dev.gatehouse.account;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Creates accounts for anyone, without roles or permissions. */
@RestController
class SignUpController {

    private final AccountService accounts;

    SignUpController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/authentication/sign-up")
    @ResponseStatus(HttpStatus.CREATED)
    SignUpResponse signUp(@Valid @RequestBody SignUpRequest request) {
        Account account = accounts.signUp(request.email(), request.password());
        return new SignUpResponse(account.id(), account.email());
    }

    /** Body of a sign-up request. The fields are nullable until {@code @Valid} has checked them. */
    record SignUpRequest(@NotNull @Nullable String email, @NotNull @Nullable String password) {

        @Override
        public String toString() {
            return "SignUpRequest[email=" + email + ", password=[redacted]]";
        }
    }

    /** The created account; {@code email} is the normalised form that the account was stored with. */
    record SignUpResponse(UUID id, String email) {
    }
}
