package dev.minstrel.server.accounts;

import dev.minstrel.server.config.MinstrelProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Creates the owner account on first start, with the configured password or, when none is set,
 * a generated one printed once to the log. Later starts leave the account alone: the password is
 * changed from the web page or the API, not by restarting with another setting.
 */
public class OwnerBootstrap {

    private static final Logger log = LoggerFactory.getLogger(OwnerBootstrap.class);

    private final Accounts accounts;
    private final MinstrelProperties.Owner owner;

    public OwnerBootstrap(Accounts accounts, MinstrelProperties.Owner owner) {
        this.accounts = accounts;
        this.owner = owner;
    }

    public Mono<Account> ensureOwner() {
        return accounts.store().ownerExists().flatMap(exists -> {
            if (exists) {
                return Mono.empty();
            }
            boolean generated = owner.password() == null || owner.password().isBlank();
            String password = generated ? Accounts.generatePassword() : owner.password();
            return accounts.create(owner.username(), password, Role.OWNER, true, true).doOnNext(account -> {
                if (generated) {
                    log.warn("Created the owner account '{}' with the generated password: {}  "
                            + "(shown only this once; set MINSTREL_OWNER_PASSWORD to choose your own)",
                            account.username(), password);
                } else {
                    log.info("Created the owner account '{}' with the password from MINSTREL_OWNER_PASSWORD",
                            account.username());
                }
            });
        });
    }
}
