"""Pure domain logic: records, counting rules, news lines and rendering; no Qt, no SQLAlchemy."""
