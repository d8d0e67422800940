/** Contact details and consent as Klaviyo needs them: valid emails, E.164 phones, who may be subscribed. */
package dev.nsbridge.flows.contact;
