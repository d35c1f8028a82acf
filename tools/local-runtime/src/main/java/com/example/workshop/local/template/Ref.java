package com.example.workshop.local.template;

/** {@code !Ref name}: a resource's primary identifier, or a pseudo parameter such as AWS::Region. */
public record Ref(String name) implements Intrinsic {

    @Override
    public String shortForm() {
        return "!Ref " + name;
    }
}
