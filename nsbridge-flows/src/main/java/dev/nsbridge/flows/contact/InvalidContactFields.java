package dev.nsbridge.flows.contact;

/**
 * What the customers flow does with an invalid email or phone when the customer has another usable identifier.
 * Setting values are the constants' names in lower case.
 */
public enum InvalidContactFields {
    /** Send the customer without the invalid field, with a warning kept on the record. */
    DROP,
    /** Refuse the customer as a record error until the field is corrected in NetSuite. */
    REFUSE
}
