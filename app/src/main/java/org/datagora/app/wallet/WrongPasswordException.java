package org.datagora.app.wallet;

/** The password given does not open the wallet (or the imported keystore file). */
public final class WrongPasswordException extends WalletException {

    public WrongPasswordException(String message) {
        super(message);
    }
}
