package dev.nsbridge.sandbox.netsuite.data;

/** Transaction status letters per type, with the text BUILTIN.DF(status) answers. */
enum TransactionStatus {
    SO_PENDING_APPROVAL("SalesOrd", "A", "Sales Order : Pending Approval"),
    SO_PENDING_FULFILLMENT("SalesOrd", "B", "Sales Order : Pending Fulfillment"),
    SO_CANCELLED("SalesOrd", "C", "Sales Order : Cancelled"),
    SO_PARTIALLY_FULFILLED("SalesOrd", "D", "Sales Order : Partially Fulfilled"),
    SO_PENDING_BILLING_PARTIALLY_FULFILLED("SalesOrd", "E", "Sales Order : Pending Billing/Partially Fulfilled"),
    SO_PENDING_BILLING("SalesOrd", "F", "Sales Order : Pending Billing"),
    SO_BILLED("SalesOrd", "G", "Sales Order : Billed"),
    SO_CLOSED("SalesOrd", "H", "Sales Order : Closed"),
    SHIP_PICKED("ItemShip", "A", "Item Fulfillment : Picked"),
    SHIP_PACKED("ItemShip", "B", "Item Fulfillment : Packed"),
    SHIP_SHIPPED("ItemShip", "C", "Item Fulfillment : Shipped"),
    INVOICE_OPEN("CustInvc", "A", "Invoice : Open"),
    INVOICE_PAID("CustInvc", "B", "Invoice : Paid In Full"),
    CREDIT_OPEN("CustCred", "A", "Credit Memo : Open"),
    CREDIT_APPLIED("CustCred", "B", "Credit Memo : Fully Applied"),
    REFUND_DEPOSITED("CashRfnd", "C", "Cash Refund : Deposited"),
    REFUND_NOT_DEPOSITED("CashRfnd", "B", "Cash Refund : Not Deposited"),
    BILL_OPEN("VendBill", "A", "Bill : Open"),
    BILL_PAID("VendBill", "B", "Bill : Paid In Full"),
    JOURNAL_APPROVED("Journal", "B", "Journal : Approved for Posting");

    static final String[][] TYPES = {{"SalesOrd", "Sales Order"}, {"ItemShip", "Item Fulfillment"},
        {"CustInvc", "Invoice"}, {"CustCred", "Credit Memo"}, {"CashRfnd", "Cash Refund"}, {"Journal", "Journal"},
        {"VendBill", "Bill"}};

    final String type;
    final String letter;
    final String displayName;

    TransactionStatus(String type, String letter, String displayName) {
        this.type = type;
        this.letter = letter;
        this.displayName = displayName;
    }
}
