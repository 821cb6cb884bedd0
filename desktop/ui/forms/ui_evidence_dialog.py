# generated — do not edit: compiled from forms/evidence_dialog.ui by build_scripts/compile_forms.py
# source-sha256: f5635ee1dc6dbe91d9a89ee42c7f9eef72ac8af8bca5a7d390ab746b6f3a209e
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'evidence_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

class Ui_EvidenceDialog(object):
    def setupUi(self, EvidenceDialog):
        if not EvidenceDialog.objectName():
            EvidenceDialog.setObjectName(u"EvidenceDialog")
        EvidenceDialog.resize(980, 620)
        self.mainLayout = QVBoxLayout(EvidenceDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLabel = QLabel(EvidenceDialog)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setTextFormat(Qt.TextFormat.RichText)
        self.headerLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headerLabel)

        self.table = QTableView(EvidenceDialog)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.table)

        self.listButtons = QHBoxLayout()
        self.listButtons.setObjectName(u"listButtons")
        self.openButton = QPushButton(EvidenceDialog)
        self.openButton.setObjectName(u"openButton")

        self.listButtons.addWidget(self.openButton)

        self.removeButton = QPushButton(EvidenceDialog)
        self.removeButton.setObjectName(u"removeButton")

        self.listButtons.addWidget(self.removeButton)

        self.listSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.listButtons.addItem(self.listSpacer)

        self.countLabel = QLabel(EvidenceDialog)
        self.countLabel.setObjectName(u"countLabel")

        self.listButtons.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.listButtons)

        self.addGroup = QGroupBox(EvidenceDialog)
        self.addGroup.setObjectName(u"addGroup")
        self.addForm = QFormLayout(self.addGroup)
        self.addForm.setObjectName(u"addForm")
        self.fileLabel = QLabel(self.addGroup)
        self.fileLabel.setObjectName(u"fileLabel")

        self.addForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(self.addGroup)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileLayout.addWidget(self.fileEdit)

        self.chooseButton = QPushButton(self.addGroup)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileLayout.addWidget(self.chooseButton)


        self.addForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fileLayout)

        self.numberLabel = QLabel(self.addGroup)
        self.numberLabel.setObjectName(u"numberLabel")

        self.addForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberEdit = QLineEdit(self.addGroup)
        self.numberEdit.setObjectName(u"numberEdit")

        self.addForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.numberEdit)

        self.titleLabel = QLabel(self.addGroup)
        self.titleLabel.setObjectName(u"titleLabel")

        self.addForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.addGroup)
        self.titleEdit.setObjectName(u"titleEdit")

        self.addForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.issuedLabel = QLabel(self.addGroup)
        self.issuedLabel.setObjectName(u"issuedLabel")

        self.addForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.issuedLabel)

        self.issuedLayout = QHBoxLayout()
        self.issuedLayout.setObjectName(u"issuedLayout")
        self.issuedEdit = QDateEdit(self.addGroup)
        self.issuedEdit.setObjectName(u"issuedEdit")
        self.issuedEdit.setCalendarPopup(True)

        self.issuedLayout.addWidget(self.issuedEdit)

        self.issuedBlank = QCheckBox(self.addGroup)
        self.issuedBlank.setObjectName(u"issuedBlank")

        self.issuedLayout.addWidget(self.issuedBlank)

        self.issuedSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.issuedLayout.addItem(self.issuedSpacer)


        self.addForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.issuedLayout)

        self.summaryLabel = QLabel(self.addGroup)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.addForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QLineEdit(self.addGroup)
        self.summaryEdit.setObjectName(u"summaryEdit")

        self.addForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.addLayout = QHBoxLayout()
        self.addLayout.setObjectName(u"addLayout")
        self.addSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addLayout.addItem(self.addSpacer)

        self.addButton = QPushButton(self.addGroup)
        self.addButton.setObjectName(u"addButton")

        self.addLayout.addWidget(self.addButton)


        self.addForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.addLayout)


        self.mainLayout.addWidget(self.addGroup)

        self.bannerLabel = QLabel(EvidenceDialog)
        self.bannerLabel.setObjectName(u"bannerLabel")
        self.bannerLabel.setVisible(False)
        self.bannerLabel.setWordWrap(True)
        self.bannerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.bannerLabel)

        self.buttonBox = QDialogButtonBox(EvidenceDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.numberLabel.setBuddy(self.numberEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.issuedLabel.setBuddy(self.issuedEdit)
        self.summaryLabel.setBuddy(self.summaryEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.table, self.chooseButton)
        QWidget.setTabOrder(self.chooseButton, self.numberEdit)
        QWidget.setTabOrder(self.numberEdit, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.issuedEdit)
        QWidget.setTabOrder(self.issuedEdit, self.issuedBlank)
        QWidget.setTabOrder(self.issuedBlank, self.summaryEdit)
        QWidget.setTabOrder(self.summaryEdit, self.addButton)

        self.retranslateUi(EvidenceDialog)
    # setupUi

    def retranslateUi(self, EvidenceDialog):
        EvidenceDialog.setWindowTitle(QCoreApplication.translate("EvidenceDialog", u"Minh ch\u1ee9ng", None))
        self.openButton.setText(QCoreApplication.translate("EvidenceDialog", u"&M\u1edf t\u1ec7p", None))
        self.removeButton.setText(QCoreApplication.translate("EvidenceDialog", u"&X\u00f3a minh ch\u1ee9ng\u2026", None))
        self.addGroup.setTitle(QCoreApplication.translate("EvidenceDialog", u"Th\u00eam minh ch\u1ee9ng", None))
        self.fileLabel.setText(QCoreApplication.translate("EvidenceDialog", u"T\u1ec7p:", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("EvidenceDialog", u"Ch\u01b0a ch\u1ecdn t\u1ec7p (b\u1ea3n ch\u1ee5p, PDF, v\u0103n b\u1ea3n\u2026)", None))
        self.chooseButton.setText(QCoreApplication.translate("EvidenceDialog", u"&Ch\u1ecdn t\u1ec7p\u2026", None))
        self.numberLabel.setText(QCoreApplication.translate("EvidenceDialog", u"S\u1ed1 hi\u1ec7u:", None))
        self.numberEdit.setPlaceholderText(QCoreApplication.translate("EvidenceDialog", u"V\u00ed d\u1ee5: 125/Q\u0110-UBND", None))
        self.titleLabel.setText(QCoreApplication.translate("EvidenceDialog", u"T\u00ean v\u0103n b\u1ea3n:", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("EvidenceDialog", u"V\u00ed d\u1ee5: Quy\u1ebft \u0111\u1ecbnh c\u00f4ng nh\u1eadn s\u00e1ng ki\u1ebfn (\u0111\u1ec3 tr\u1ed1ng: l\u1ea5y t\u00ean t\u1ec7p)", None))
        self.issuedLabel.setText(QCoreApplication.translate("EvidenceDialog", u"Ng\u00e0y ban h\u00e0nh:", None))
        self.issuedEdit.setDisplayFormat(QCoreApplication.translate("EvidenceDialog", u"dd/MM/yyyy", None))
        self.issuedBlank.setText(QCoreApplication.translate("EvidenceDialog", u"&kh\u00f4ng r\u00f5", None))
        self.summaryLabel.setText(QCoreApplication.translate("EvidenceDialog", u"Tr\u00edch y\u1ebfu:", None))
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("EvidenceDialog", u"N\u1ed9i dung ch\u00ednh c\u1ee7a v\u0103n b\u1ea3n", None))
        self.addButton.setText(QCoreApplication.translate("EvidenceDialog", u"&Th\u00eam v\u00e0o b\u00e1o c\u00e1o", None))
    # retranslateUi

