//! Python source to code objects.
