package com.example.workshop.local.template;

/**
 * A table as the DynamoDB endpoint reports it after creation (DescribeTable), never constructed locally.
 *
 * @param streamArn null when the table has no stream
 */
public record DeployedTable(String logicalId, String name, String arn, String streamArn) {

    /** The region field of the table's ARN, which is what a policy ARN must name to match it. */
    public String arnRegion() {
        return arnField(3);
    }

    /** The account field of the table's ARN. */
    public String arnAccountId() {
        return arnField(4);
    }

    public String arnPartition() {
        return arnField(1);
    }

    private String arnField(int index) {
        String[] fields = arn.split(":", 6);
        if (fields.length < 6) {
            throw new IllegalStateException("not an ARN: " + arn);
        }
        return fields[index];
    }
}
