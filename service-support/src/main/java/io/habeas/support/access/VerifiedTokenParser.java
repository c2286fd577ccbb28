package io.habeas.support.access;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** SmallRye JWT's parser, through which every call's bearer token passes, remembering what it verified. */
@Decorator
@Priority(1)
public abstract class VerifiedTokenParser implements JWTParser {

    @Inject
    @Delegate
    @Any
    JWTParser parser;

    private final VerifiedTokens tokens = new VerifiedTokens();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return tokens.verify(token, parser::parse);
    }
}
