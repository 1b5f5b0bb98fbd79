analytics.track("Newsletter Joined", { source: "footer", email: userEmail, phoneNumber: phone });
analytics.track("Signed Up", { plan: "pro", user_email: userEmail });
