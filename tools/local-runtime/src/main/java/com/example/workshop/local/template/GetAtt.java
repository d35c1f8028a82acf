package com.example.workshop.local.template;

/** {@code !GetAtt Resource.Attribute}, for example the Arn or StreamArn of a table. */
public record GetAtt(String logicalId, String attribute) implements Intrinsic {

    @Override
    public String shortForm() {
        return "!GetAtt " + logicalId + "." + attribute;
    }
}
